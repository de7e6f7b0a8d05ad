package despatch.lambda.wiring;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart priming of the write paths: requests the service refuses before it acts, so that a
 * restored container's first write finds the operation's marshalling, signing and error parsing
 * loaded, while the snapshot leaves every table and queue as it was. Each refusal is documented:
 * <ul>
 * <li>DynamoDB PutItem and UpdateItem on a key no item has, on condition that the item exists:
 * "If the condition expression evaluates to false, DynamoDB returns ConditionalCheckFailedException
 * and the item is not written" (DynamoDB API reference, PutItem and UpdateItem, ConditionExpression).
 * <li>DynamoDB BatchWriteItem with a put that lacks the table's key: "DynamoDB rejects the entire
 * batch write operation" when "primary key attributes specified on an item in the request do not
 * match those in the corresponding table's primary key schema" (API reference, BatchWriteItem).
 * <li>SQS SendMessage and SendMessageBatch with DelaySeconds 901: "Valid values: 0 to 900", a
 * value outside them is refused with InvalidParameterValue and nothing is enqueued (API reference,
 * SendMessage, DelaySeconds); on a FIFO queue a per-message delay is refused whatever its value.
 * <li>S3 PutObject with If-Match naming an ETag no object has: "If the ETag values do not match,
 * the operation fails" with 412 Precondition Failed, and with no object at the key it fails with
 * 404 (S3 User Guide, conditional writes; API reference, PutObject, If-Match); either way nothing is stored.
 * </ul>
 * SES sends and EventBridge schedules are not primed: neither service documents a refusal that
 * comes before acting, and the SES emulator accepts what SES would refuse, so no test could show it.
 * Each call needs the permission the real write needs, so a function primes only the writes it makes.
 */
final class RefusedWrites {
    /** Beyond SQS's longest delay of 900 seconds. */
    private static final int REFUSED_DELAY_SECONDS = 901;

    /** An MD5 ETag of zeros: S3 gives no object it. */
    private static final String NO_OBJECTS_ETAG = "\"00000000000000000000000000000000\"";

    private RefusedWrites() {
    }

    /** A conditional put and update that cannot hold, on {@code key} (a key no item has, naming the table's key attributes). */
    static void putAndUpdate(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> key) {
        put(dynamoDb, table, key);
        String condition = "attribute_exists(#key)";
        Map<String, String> names = Map.of("#key", key.keySet().iterator().next());
        Warmup.read(() -> dynamoDb.updateItem(update -> update.tableName(table).key(key).updateExpression("ADD primed :one")
                .conditionExpression(condition).expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
    }

    /** A conditional put that cannot hold, for tables a function only ever adds to. */
    static void put(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> key) {
        Warmup.read(() -> dynamoDb.putItem(put -> put.tableName(table).item(key).conditionExpression("attribute_exists(#key)")
                .expressionAttributeNames(Map.of("#key", key.keySet().iterator().next()))));
    }

    /** A batch whose one put has none of the table's key attributes. */
    static void batchWrite(DynamoDbClient dynamoDb, String table) {
        WriteRequest keyless = WriteRequest.builder().putRequest(put -> put.item(Map.of("primed", AttributeValue.fromS(Warmup.NOTHING))))
                .build();
        Warmup.read(() -> dynamoDb.batchWriteItem(batch -> batch.requestItems(Map.of(table, List.of(keyless)))));
    }

    /** A message and a batch of one, each with a delay SQS refuses. */
    static void send(SqsClient sqs, String queueUrl) {
        Warmup.read(() -> sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(Warmup.NOTHING)
                .delaySeconds(REFUSED_DELAY_SECONDS)));
        Warmup.read(() -> sqs.sendMessageBatch(batch -> batch.queueUrl(queueUrl).entries(entry -> entry.id("primed")
                .messageBody(Warmup.NOTHING).delaySeconds(REFUSED_DELAY_SECONDS))));
    }

    /** An upload on condition that the object at {@code key} has an ETag no object has. */
    static void put(S3Client s3, String bucket, String key) {
        Warmup.read(() -> s3.putObject(put -> put.bucket(bucket).key(key).ifMatch(NO_OBJECTS_ETAG).contentType("text/plain"),
                RequestBody.fromString(Warmup.NOTHING)));
    }

    /** A key for the tables keyed by {@code pk} and {@code sk}, which no item has. */
    static Map<String, AttributeValue> pkSk() {
        return Map.of("pk", AttributeValue.fromS(Warmup.NOTHING), "sk", AttributeValue.fromS(Warmup.NOTHING));
    }
}
