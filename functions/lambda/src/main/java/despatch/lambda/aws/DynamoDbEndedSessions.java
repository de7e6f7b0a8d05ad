package despatch.lambda.aws;

import despatch.console.EndedSessions;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Signed-out sessions in ApprovalsTable, {@code ENDED} / {@code <session id>}, removed by the
 * table's time to live once the session would have expired anyway. One consistent GetItem per
 * console request.
 */
public final class DynamoDbEndedSessions implements EndedSessions {
    private static final String ENDED = "ENDED";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbEndedSessions(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void end(String sessionId, Instant until) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", AttributeValue.fromS(ENDED), "sk", AttributeValue.fromS(sessionId),
                "expiresAt", AttributeValue.fromN(Long.toString(until.getEpochSecond())))));
    }

    @Override
    public boolean isEnded(String sessionId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(ENDED), "sk", AttributeValue.fromS(sessionId)))).item();
        return item != null && !item.isEmpty();
    }
}
