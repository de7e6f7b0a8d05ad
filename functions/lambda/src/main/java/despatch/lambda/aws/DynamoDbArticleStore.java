package despatch.lambda.aws;

import despatch.publish.ArticleRecord;
import despatch.publish.ArticleStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Article records keyed by slug: one PutItem per publish, about 1 write unit for a typical record. */
public final class DynamoDbArticleStore implements ArticleStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbArticleStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void save(ArticleRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("slug", s(record.slug()));
        item.put("title", s(record.title()));
        item.put("summary", s(record.summary()));
        item.put("kind", s(record.kind().id()));
        item.put("date", s(record.date().toString()));
        item.put("state", s(record.state().name()));
        item.put("updatedAt", s(record.updatedAt().toString()));
        item.put("uploadKey", s(record.uploadKey()));
        item.put("webPath", s(record.webPath()));
        item.put("emailLocation", s(record.emailLocation()));
        item.put("lists", strings(record.lists()));
        item.put("warnings", strings(record.warnings()));
        putInstant(item, "embargo", record.embargo());
        putInstant(item, "publishedAt", record.publishedAt());
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /** A strongly consistent read of one attribute: 1 read unit, and it sees a publish that just finished. */
    @Override
    public Optional<String> uploadKeyOf(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(Map.of("slug", s(slug)))
                .projectionExpression("uploadKey").consistentRead(true)).item();
        return item == null || !item.containsKey("uploadKey") ? Optional.empty() : Optional.of(item.get("uploadKey").s());
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** A list, not a string set: sets cannot be empty and lose the office's order. */
    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }
}
