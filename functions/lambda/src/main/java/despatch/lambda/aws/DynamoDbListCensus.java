package despatch.lambda.aws;

import despatch.console.ListCensus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each day's list counts in CampaignsTable, {@code LISTCENSUS} / {@code <date>}: the latest is one
 * Query of one item; thirty days, one Query of at most 31 small items.
 */
public final class DynamoDbListCensus implements ListCensus {
    private static final String CENSUS = "LISTCENSUS";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbListCensus(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Count> latest() {
        return dynamoDb.query(query -> query.tableName(table).keyConditionExpression("pk = :census")
                .expressionAttributeValues(Map.of(":census", AttributeValue.fromS(CENSUS))).scanIndexForward(false).limit(1))
                .items().stream().findFirst().map(DynamoDbListCensus::count);
    }

    @Override
    public List<Count> since(LocalDate firstDay) {
        return dynamoDb.query(query -> query.tableName(table).keyConditionExpression("pk = :census AND sk >= :first")
                .expressionAttributeValues(Map.of(":census", AttributeValue.fromS(CENSUS), ":first", AttributeValue.fromS(firstDay.toString()))))
                .items().stream().map(DynamoDbListCensus::count).toList();
    }

    @Override
    public void record(Count count) {
        Map<String, AttributeValue> members = new HashMap<>();
        count.members().forEach((list, size) -> members.put(list, AttributeValue.fromN(Long.toString(size))));
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", AttributeValue.fromS(CENSUS), "sk",
                AttributeValue.fromS(count.day().toString()), "countedAt", AttributeValue.fromN(Long.toString(count.countedAt().getEpochSecond())),
                "members", AttributeValue.fromM(members))));
    }

    private static Count count(Map<String, AttributeValue> item) {
        Map<String, Long> members = new HashMap<>();
        item.get("members").m().forEach((list, size) -> members.put(list, Long.parseLong(size.n())));
        return new Count(LocalDate.parse(item.get("sk").s()), Instant.ofEpochSecond(Long.parseLong(item.get("countedAt").n())), members);
    }
}
