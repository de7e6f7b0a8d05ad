package despatch.bench;

import despatch.lambda.wiring.AwsClients;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.LocalAwsStack;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One function's clients, as its container would hold them, built as the local stack builds its
 * own (same HTTP client, region and keys) but each carrying a counter for its service; and the
 * function wired with them from the environment the stack resolves for it. One set per function,
 * so every request is counted against the function that made it.
 */
final class CountedClients implements AutoCloseable {
    final Setting.Function function;
    final DynamoDbRequestCounter dynamoDbCounter = new DynamoDbRequestCounter();
    final ServiceRequestCounter s3Counter = new ServiceRequestCounter("S3");
    final ServiceRequestCounter sqsCounter = new ServiceRequestCounter("SQS");
    final ServiceRequestCounter sesCounter = new ServiceRequestCounter("SES v2");
    final ServiceRequestCounter secretsCounter = new ServiceRequestCounter("Secrets Manager");

    private final LocalAwsStack stack;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SesV2Client ses;
    private final SecretsManagerClient secrets;

    CountedClients(LocalAwsStack stack, Setting.Function function) {
        this(stack, function, null);
    }

    /** @param aws what AWS's round trips and SES's rate add to every request ({@link ModelledAws}), or null for the emulators as they are */
    CountedClients(LocalAwsStack stack, Setting.Function function, ExecutionInterceptor aws) {
        this.stack = stack;
        this.function = function;
        this.s3 = configure(S3Client.builder(), stack, stack.s3Endpoint(), s3Counter, aws).forcePathStyle(true).build();
        this.dynamoDb = configure(DynamoDbClient.builder(), stack, stack.dynamoDbEndpoint(), dynamoDbCounter, aws).build();
        this.sqs = configure(SqsClient.builder(), stack, stack.sqsEndpoint(), sqsCounter, aws).build();
        this.ses = configure(SesV2Client.builder(), stack, stack.sesEndpoint(), sesCounter, aws).build();
        this.secrets = configure(SecretsManagerClient.builder(), stack, stack.secretsManagerEndpoint(), secretsCounter, aws).build();
    }

    /** An SQS client of its own, for what Lambda's event source mapping sends (receive, delete). */
    static SqsClient sqs(LocalAwsStack stack, ServiceRequestCounter counter) {
        return configure(SqsClient.builder(), stack, stack.sqsEndpoint(), counter, null).build();
    }

    /** The function's settings as the stack resolves them, with {@code overrides} on top, wired with these clients. */
    Wiring wiring(Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(stack.environmentFor(function.name()));
        environment.putAll(overrides);
        // The stack's clock and Scheduler: a campaign waiting for the daily quota goes on when the bench moves the clock a day on.
        return new Wiring(Settings.from(environment, function), stack.clock(), AwsClients.of(s3, dynamoDb, ses, secrets, sqs,
                stack.scheduler(), stack.cloudFront()));
    }

    /** Every counter but DynamoDB's, which counts more. */
    List<ServiceRequestCounter> serviceCounters() {
        return List.of(s3Counter, sqsCounter, sesCounter, secretsCounter);
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, LocalAwsStack stack,
            URI endpoint, ExecutionInterceptor counter, ExecutionInterceptor modelled) {
        Map<String, String> aws = stack.awsEnvironment();
        return builder.endpointOverride(endpoint)
                .region(Region.of(aws.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(aws.get("AWS_ACCESS_KEY_ID"), aws.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> {
                    c.addExecutionInterceptor(counter);
                    if (modelled != null) {
                        c.addExecutionInterceptor(modelled);
                    }
                });
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
        sqs.close();
        ses.close();
        secrets.close();
    }
}
