package despatch.lambda.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Strongly consistent BatchGetItem of one table: 100 keys a request, unprocessed keys asked for again. */
final class BatchReader {
    /** BatchGetItem takes at most this many keys. */
    static final int CHUNK = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    BatchReader(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The items that exist, in no particular order. */
    List<Map<String, AttributeValue>> read(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            items.addAll(readChunk(keys.subList(from, Math.min(keys.size(), from + CHUNK))));
        }
        return items;
    }

    private List<Map<String, AttributeValue>> readChunk(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        KeysAndAttributes request = KeysAndAttributes.builder().keys(keys).consistentRead(true).build();
        for (int attempt = 1; request != null && request.hasKeys() && !request.keys().isEmpty(); attempt++) {
            KeysAndAttributes sending = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(get -> get.requestItems(Map.of(table, sending)));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.unprocessedKeys().get(table);
            if (request != null && attempt >= BatchWriter.ATTEMPTS) {
                throw new IllegalStateException(request.keys().size() + " reads from " + table + " stayed unprocessed");
            }
            if (request != null) {
                BatchWriter.pause(attempt);
            }
        }
        return items;
    }
}
