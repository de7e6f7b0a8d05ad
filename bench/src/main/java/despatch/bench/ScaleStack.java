package despatch.bench;

import despatch.lambda.ImportHandler;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.AwsClients;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.S3EventFactory;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh in-memory local stack with ImportFunction wired as deployed, except that its DynamoDB
 * client counts requests. The client is built as the stack builds its own (same HTTP client,
 * region and keys), so only the interceptor differs from what the handlers use in tests.
 */
final class ScaleStack implements AutoCloseable {
    private final LocalAwsStack stack;
    private final DynamoDbClient dynamoDb;
    private final ImportHandler handler;
    private final DynamoDbSubscriberStore store;
    private final String uploadsBucket;

    private ScaleStack(LocalAwsStack stack, DynamoDbRequestCounter counter) {
        this.stack = stack;
        Map<String, String> aws = stack.awsEnvironment();
        this.dynamoDb = DynamoDbClient.builder()
                .endpointOverride(stack.dynamoDbEndpoint())
                .region(Region.of(aws.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(aws.get("AWS_ACCESS_KEY_ID"), aws.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                .build();
        Map<String, String> environment = stack.environmentFor(Setting.Function.ImportFunction.name());
        Settings settings = Settings.from(environment, Setting.Function.ImportFunction);
        this.handler = new ImportHandler(new Wiring(settings, Clock.systemUTC(),
                AwsClients.of(stack.s3(), dynamoDb, stack.sesV2(), stack.secretsManager(), null, null)));
        this.store = new DynamoDbSubscriberStore(dynamoDb, environment.get(Setting.SUBSCRIBERS_TABLE.name()));
        this.uploadsBucket = environment.get(Setting.UPLOADS_BUCKET.name());
    }

    static ScaleStack start(DynamoDbRequestCounter counter) {
        LocalAwsStack stack = LocalAwsStack.start();
        try {
            return new ScaleStack(stack, counter);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Uploads the file under imports/ (not timed). */
    String upload(SubscriberCsv csv) {
        String key = "imports/scale-" + csv.rows() + ".csv";
        stack.s3().putObject(put -> put.bucket(uploadsBucket).key(key), RequestBody.fromBytes(csv.bytes()));
        return key;
    }

    /** The S3 ObjectCreated event S3 would send, handled by the real ImportHandler; returns its result fields. */
    Map<String, Object> importUploaded(String key, long size) {
        List<Map<String, Object>> results = handler.handleRequest(
                new S3EventFactory(ProjectRoot.find()).objectCreated(uploadsBucket, key, size), null);
        if (results.size() != 1) {
            throw new IllegalStateException("ImportHandler skipped " + key + ": " + results);
        }
        return results.getFirst();
    }

    DynamoDbSubscriberStore store() {
        return store;
    }

    Duration startupTime() {
        return stack.startupTime();
    }

    /** CPU time so far of the dynalite node process this stack started (it serves every DynamoDB request). */
    Optional<Duration> dynaliteCpu() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(line -> line.contains("dynalite")).orElse(false))
                .findFirst().flatMap(p -> p.info().totalCpuDuration());
    }

    @Override
    public void close() {
        dynamoDb.close();
        stack.close();
    }
}
