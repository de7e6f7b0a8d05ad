package despatch.lambda.aws;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit trail in its own table, {@code pk AUDIT, sk <time>#<random>}: one item collection
 * read newest first with one Query per page. Staff do tens of things a day, far below what one
 * partition takes. Each entry is written on condition that its key is new, so no write of this
 * adapter can replace one; the console's role may put items but neither update nor delete them.
 */
public final class DynamoDbAuditTrail implements AuditTrail {
    private static final String PARTITION = "AUDIT";
    /** Fixed width to the millisecond, so keys sort as times do. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAuditTrail(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(AuditEntry entry) {
        Map<String, AttributeValue> item = Map.of(
                "pk", s(PARTITION),
                "sk", s(SORTABLE.format(entry.at()) + "#" + UUID.randomUUID()),
                "at", s(entry.at().toString()),
                "actor", s(entry.actor()),
                "actorName", s(entry.actorName()),
                "action", s(entry.action().name()),
                "target", s(entry.target()));
        dynamoDb.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(sk)"));
    }

    @Override
    public Page newestFirst(Optional<String> after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(PARTITION)))
                .scanIndexForward(false)
                .limit(limit);
        after.ifPresent(sk -> query.exclusiveStartKey(Map.of("pk", s(PARTITION), "sk", s(sk))));
        QueryResponse response = dynamoDb.query(query.build());
        List<AuditEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            entries.add(new AuditEntry(Instant.parse(item.get("at").s()), item.get("actor").s(), item.get("actorName").s(),
                    AuditAction.valueOf(item.get("action").s()), item.get("target").s()));
        }
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(response.lastEvaluatedKey().get("sk").s()) : Optional.empty();
        return new Page(entries, next);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
