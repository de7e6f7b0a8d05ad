package despatch.lambda.wiring;

import despatch.article.ArticleParser;
import despatch.lambda.aws.DynamoDbArticleStore;
import despatch.lambda.aws.S3RenderedEmailStore;
import despatch.lambda.aws.S3SitePublisher;
import despatch.lambda.aws.S3UploadStore;
import despatch.office.Office;
import despatch.publish.PreviewService;
import despatch.publish.PublishService;
import despatch.render.ArticleRenderer;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one place that reads the environment and builds clients and services. Handlers call it
 * from their no-argument constructors (once per container); tests pass their own settings and
 * clients. Endpoints come from the SDK's own AWS_ENDPOINT_URL_* variables, so the same code
 * talks to AWS or to the local emulators.
 */
public final class Wiring {
    private final Settings settings;
    private final Office office;
    private final Clock clock;
    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private S3Client s3;
    private DynamoDbClient dynamoDb;

    public Wiring(Settings settings, Clock clock) {
        this.settings = settings;
        this.office = settings.office();
        this.clock = clock;
        this.parser = new ArticleParser(office, clock);
        this.renderer = new ArticleRenderer(office, clock);
    }

    /** For tests and the local runner: ready-made clients instead of ones built from the environment. */
    public Wiring(Settings settings, Clock clock, S3Client s3, DynamoDbClient dynamoDb) {
        this(settings, clock);
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
    }

    public static Wiring fromEnvironment(Setting.Function function) {
        return new Wiring(Settings.from(System.getenv(), function), Clock.systemUTC());
    }

    public PublishService publishService() {
        String uploadsBucket = settings.get(Setting.UPLOADS_BUCKET);
        return new PublishService(parser, renderer, new S3UploadStore(s3(), uploadsBucket),
                new S3SitePublisher(s3(), settings.get(Setting.SITE_BUCKET)),
                new S3RenderedEmailStore(s3(), uploadsBucket),
                new DynamoDbArticleStore(dynamoDb(), settings.get(Setting.ARTICLES_TABLE)), clock);
    }

    public PreviewService previewService() {
        return new PreviewService(parser, renderer, new S3UploadStore(s3(), settings.get(Setting.UPLOADS_BUCKET)));
    }

    /** For the local preview command, which needs no AWS at all. */
    public static PreviewService offlinePreviewService(Office office, Clock clock) {
        return new PreviewService(new ArticleParser(office, clock), new ArticleRenderer(office, clock), null);
    }

    public String uploadsBucket() {
        return settings.get(Setting.UPLOADS_BUCKET);
    }

    private S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .forcePathStyle(settings.flag(Setting.S3_FORCE_PATH_STYLE))
                    .build();
        }
        return s3;
    }

    private DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        }
        return dynamoDb;
    }
}
