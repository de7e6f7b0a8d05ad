package despatch.lambda.aws;

import despatch.office.SitePaths;
import despatch.sending.ArticleRelease;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * At an embargo's end: the web page rendered at upload time (rendered/&lt;slug&gt;/web.html in the
 * uploads bucket) goes to its place on the site, and the article record becomes PUBLISHED.
 * Both steps are safe to repeat.
 */
public final class S3ArticleRelease implements ArticleRelease {
    private final S3Client s3;
    private final String uploadsBucket;
    private final String siteBucket;
    private final DynamoDbClient dynamoDb;
    private final String articlesTable;
    private final Clock clock;

    public S3ArticleRelease(S3Client s3, String uploadsBucket, String siteBucket, DynamoDbClient dynamoDb, String articlesTable,
            Clock clock) {
        this.s3 = s3;
        this.uploadsBucket = uploadsBucket;
        this.siteBucket = siteBucket;
        this.dynamoDb = dynamoDb;
        this.articlesTable = articlesTable;
        this.clock = clock;
    }

    @Override
    public void release(String slug) {
        String page = s3.getObjectAsBytes(get -> get.bucket(uploadsBucket).key(S3RenderedEmailStore.PREFIX + slug + "/web.html"))
                .asUtf8String();
        s3.putObject(put -> put.bucket(siteBucket).key(SitePaths.articlePage(slug)).contentType(S3Content.HTML),
                RequestBody.fromString(page));
        String now = clock.instant().toString();
        dynamoDb.updateItem(update -> update.tableName(articlesTable).key(Map.of("slug", AttributeValue.fromS(slug)))
                .updateExpression("SET #state = :published, publishedAt = :now, updatedAt = :now")
                .conditionExpression("attribute_exists(slug)")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":published", AttributeValue.fromS("PUBLISHED"), ":now", AttributeValue.fromS(now))));
    }
}
