package despatch.lambda.aws;

import despatch.subscription.DailyLimiter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A counter item per key and day, incremented only while under the limit (one conditional
 * UpdateItem, 1 write unit). Items carry an expiry two days on, for the table's TTL to remove.
 */
public final class DynamoDbDailyLimiter implements DailyLimiter {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbDailyLimiter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean tryAcquire(String key, LocalDate day, int limit) {
        long expires = day.plusDays(2).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try {
            dynamoDb.updateItem(update -> update.tableName(table)
                    .key(SubscriberItems.key("LIMIT#" + key, day.toString()))
                    .updateExpression("SET expiresAt = :expires ADD #count :one")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#count", "count"))
                    .expressionAttributeValues(Map.of(":expires", AttributeValue.fromN(Long.toString(expires)),
                            ":one", AttributeValue.fromN("1"), ":limit", AttributeValue.fromN(Integer.toString(limit)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
