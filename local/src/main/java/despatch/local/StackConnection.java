package despatch.local;

import despatch.lambda.wiring.AwsClients;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.LocalAwsStack;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local stack as a ./despatch command reaches it: a {@link LocalAwsStack} in this process,
 * or the one {@code ./despatch up} runs, through the variables its env file exported. Either way
 * the command gets each function's environment and clients pointed at the emulators.
 */
public final class StackConnection implements AutoCloseable {
    private final LocalAwsStack stack;
    private final Map<String, String> environment;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SesV2Client sesV2;
    private final SecretsManagerClient secretsManager;
    private final SqsClient sqs;

    private StackConnection(LocalAwsStack stack, Map<String, String> environment, S3Client s3, DynamoDbClient dynamoDb,
            SesV2Client sesV2, SecretsManagerClient secretsManager, SqsClient sqs) {
        this.stack = stack;
        this.environment = environment;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.sesV2 = sesV2;
        this.secretsManager = secretsManager;
        this.sqs = sqs;
    }

    /** A stack in this process; closing the connection leaves it running (its owner closes it). */
    public static StackConnection to(LocalAwsStack stack) {
        return new StackConnection(stack, null, stack.s3(), stack.dynamoDb(), stack.sesV2(), stack.secretsManager(), stack.sqs());
    }

    /**
     * The stack {@code ./despatch up} runs, from the variables its env file exports (region, key
     * pair, endpoints and settings). That file holds the union of every function's settings: the
     * functions share the values that matter, and callers override PUBLIC_API_URL themselves.
     */
    public static StackConnection fromEnvironment(Map<String, String> environment) {
        Region region = Region.of(required(environment, "AWS_REGION"));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                required(environment, "AWS_ACCESS_KEY_ID"), required(environment, "AWS_SECRET_ACCESS_KEY")));
        return new StackConnection(null, Map.copyOf(environment),
                S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).region(region)
                        .credentialsProvider(credentials).endpointOverride(endpoint(environment, "AWS_ENDPOINT_URL_S3")).build(),
                DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(region)
                        .credentialsProvider(credentials).endpointOverride(endpoint(environment, "AWS_ENDPOINT_URL_DYNAMODB")).build(),
                SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).region(region)
                        .credentialsProvider(credentials).endpointOverride(endpoint(environment, "AWS_ENDPOINT_URL_SESV2")).build(),
                SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).region(region)
                        .credentialsProvider(credentials)
                        .endpointOverride(endpoint(environment, "AWS_ENDPOINT_URL_SECRETS_MANAGER")).build(),
                SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(region)
                        .credentialsProvider(credentials).endpointOverride(endpoint(environment, "AWS_ENDPOINT_URL_SQS")).build());
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: the local stack's environment is missing (start it with ./despatch up)");
        }
        return value;
    }

    private static URI endpoint(Map<String, String> environment, String name) {
        return URI.create(required(environment, name));
    }

    /** What SAM would give the function, pointed at the emulators. */
    public Map<String, String> environmentFor(Setting.Function function) {
        return stack != null ? stack.environmentFor(function.name()) : environment;
    }

    /** The wiring the function's no-argument constructor would build, with some settings replaced. */
    public Wiring wiring(Setting.Function function, Map<String, String> overrides, Clock clock) {
        Map<String, String> settings = new HashMap<>(environmentFor(function));
        settings.putAll(overrides);
        // No schedules: the commands that use this (import, serve's subscription API and its mail queue) never schedule.
        return new Wiring(Settings.from(settings, function), clock, AwsClients.of(s3, dynamoDb, sesV2, secretsManager, sqs, null));
    }

    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** The SES emulator: its web page at / shows every email it has accepted. */
    public URI sesEndpoint() {
        return stack != null ? stack.sesEndpoint() : endpoint(environment, "AWS_ENDPOINT_URL_SESV2");
    }

    /** Closes the clients this connection built; an in-process stack keeps its own. */
    @Override
    public void close() {
        if (stack == null) {
            s3.close();
            dynamoDb.close();
            sesV2.close();
            secretsManager.close();
            sqs.close();
        }
    }
}
