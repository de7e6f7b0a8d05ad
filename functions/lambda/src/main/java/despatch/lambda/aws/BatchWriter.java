package despatch.lambda.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in chunks of 25, resending what DynamoDB hands back unprocessed (it does that
 * under throttling) with a growing pause, until all is written.
 */
final class BatchWriter {
    private static final int CHUNK = 25;
    static final int ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;

    BatchWriter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    void write(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += CHUNK) {
            writeChunk(writes.subList(from, Math.min(writes.size(), from + CHUNK)));
        }
    }

    private void writeChunk(List<WriteRequest> chunk) {
        List<WriteRequest> remaining = new ArrayList<>(chunk);
        for (int attempt = 1; !remaining.isEmpty(); attempt++) {
            List<WriteRequest> sending = remaining;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(batch -> batch.requestItems(Map.of(table, sending)));
            remaining = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            if (!remaining.isEmpty()) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException(remaining.size() + " writes to " + table + " stayed unprocessed after "
                            + ATTEMPTS + " attempts");
                }
                pause(attempt);
            }
        }
    }

    static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000L, 50L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry unprocessed writes", e);
        }
    }
}
