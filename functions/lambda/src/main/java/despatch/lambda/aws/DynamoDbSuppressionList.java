package despatch.lambda.aws;

import despatch.console.SuppressionList;
import despatch.subscription.SubscriberStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The suppression list from SubscribersTable's sparse index {@value #INDEX}: an address record is
 * in it while it carries {@value #LISTED} (set with its suppression, removed when a fresh opt-in
 * lifts it), keyed by when it was suppressed. One Query per page, whatever the number of
 * subscribers; the index follows the address record without a second write.
 */
public final class DynamoDbSuppressionList implements SuppressionList {
    static final String INDEX = "Suppressions";
    /** The index's partition key attribute: one value for every suppressed address (suppressions are rare writes). */
    static final String LISTED = "suppressionList";
    static final String PARTITION = "SUPPRESSED";
    private static final char SEPARATOR = '\n';

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbSuppressionList(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Page newestFirst(Optional<String> after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(INDEX).keyConditionExpression(LISTED + " = :listed")
                .expressionAttributeValues(Map.of(":listed", AttributeValue.fromS(PARTITION))).scanIndexForward(false).limit(limit);
        after.flatMap(DynamoDbSuppressionList::startKey).ifPresent(query::exclusiveStartKey);
        QueryResponse response = dynamoDb.query(query.build());
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(cursor(response.lastEvaluatedKey())) : Optional.empty();
        return new Page(response.items().stream().map(item -> new Entry(Instant.parse(item.get("suppressedAt").s()),
                SubscriberStatus.valueOf(item.get("suppression").s()), Optional.ofNullable(item.get("subscriberId")).map(AttributeValue::s)))
                .toList(), next);
    }

    /** The index's last key as a link can carry it: when, and the address record's key. */
    private static String cursor(Map<String, AttributeValue> key) {
        String joined = key.get("suppressedAt").s() + SEPARATOR + key.get("pk").s() + SEPARATOR + key.get("sk").s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor back into a start key; a cursor that is not one of ours starts from the newest. */
    private static Optional<Map<String, AttributeValue>> startKey(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 3 || !parts[1].startsWith("ADDRESS#")) {
                return Optional.empty();
            }
            Instant.parse(parts[0]);
            return Optional.of(Map.of(LISTED, AttributeValue.fromS(PARTITION), "suppressedAt", AttributeValue.fromS(parts[0]),
                    "pk", AttributeValue.fromS(parts[1]), "sk", AttributeValue.fromS(parts[2])));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
