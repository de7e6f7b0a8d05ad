package despatch.lambda.aws;

import despatch.publish.LoggedUpload;
import despatch.publish.UploadLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The upload log in ApprovalsTable, {@code UPLOADS} / {@code <time>#<random>}: one item per
 * upload's outcome, read newest first with one Query, and gone after {@link #KEPT} by the table's
 * time to live ({@code expiresAt}): the audit trail and the records keep what must last.
 */
public final class DynamoDbUploadLog implements UploadLog {
    static final Duration KEPT = Duration.ofDays(90);
    private static final String UPLOADS = "UPLOADS";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbUploadLog(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(LoggedUpload upload) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                "pk", s(UPLOADS),
                "sk", s(upload.at() + "#" + UUID.randomUUID()),
                "uploadKey", s(upload.uploadKey()),
                "outcome", s(upload.outcome()),
                "slug", s(upload.slug()),
                "reasons", AttributeValue.fromL(upload.reasons().stream().map(DynamoDbUploadLog::s).toList()),
                "at", s(upload.at().toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(upload.at().plus(KEPT).getEpochSecond())))));
    }

    @Override
    public List<LoggedUpload> latest(int limit) {
        return dynamoDb.query(query -> query.tableName(table).keyConditionExpression("pk = :uploads")
                        .expressionAttributeValues(Map.of(":uploads", s(UPLOADS))).scanIndexForward(false).limit(limit))
                .items().stream().map(item -> new LoggedUpload(item.get("uploadKey").s(), item.get("outcome").s(), item.get("slug").s(),
                        item.get("reasons").l().stream().map(AttributeValue::s).toList(), Instant.parse(item.get("at").s()))).toList();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
