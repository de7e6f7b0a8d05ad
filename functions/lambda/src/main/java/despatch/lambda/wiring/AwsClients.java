package despatch.lambda.wiring;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients one container uses, each built on first use and then kept: a function builds
 * only the clients its handler reaches. Endpoints come from the SDK's own AWS_ENDPOINT_URL_*
 * variables, so the same code talks to AWS or to the local emulators.
 *
 * @param campaignSes SES for campaign sends, without the SDK's retries (see {@link #fromEnvironment})
 */
public record AwsClients(Supplier<S3Client> s3, Supplier<DynamoDbClient> dynamoDb, Supplier<SesV2Client> ses,
        Supplier<SesV2Client> campaignSes, Supplier<SecretsManagerClient> secrets, Supplier<SqsClient> sqs,
        Supplier<SchedulerClient> scheduler, Supplier<CloudFrontClient> cloudFront) {

    /**
     * For tests and the local runner: clients pointed at the emulators, used as they are (campaign
     * sends included). A client a test never reaches may be null.
     */
    public static AwsClients of(S3Client s3, DynamoDbClient dynamoDb, SesV2Client ses, SecretsManagerClient secrets, SqsClient sqs,
            SchedulerClient scheduler) {
        return of(s3, dynamoDb, ses, secrets, sqs, scheduler, null);
    }

    /** The same, with CloudFront (the local stack's) for the site's cache. */
    public static AwsClients of(S3Client s3, DynamoDbClient dynamoDb, SesV2Client ses, SecretsManagerClient secrets, SqsClient sqs,
            SchedulerClient scheduler, CloudFrontClient cloudFront) {
        return new AwsClients(() -> s3, () -> dynamoDb, () -> ses, () -> ses, () -> secrets, () -> sqs, () -> scheduler, () -> cloudFront);
    }

    /**
     * For Lambda. Credentials come from where Lambda puts them ({@link LambdaCredentials}), not the
     * SDK's default chain, which costs a few hundred milliseconds on the first request. Campaign
     * sends get no automatic retries: the SDK would resend after a read timeout, when SES may
     * already have taken the message; Despatch's own claim, mark and re-queue handle retries.
     */
    /** For a function that needs its clients and no office (StackNameCheckFunction, which runs before the site exists). */
    public static AwsClients forFunction(Setting.Function function) {
        return fromEnvironment(Settings.from(System.getenv(), function));
    }

    static AwsClients fromEnvironment(Settings settings) {
        Builders builders = new Builders(new LambdaCredentials());
        return new AwsClients(
                Once.of(() -> builders.configure(S3Client.builder()).forcePathStyle(settings.flag(Setting.S3_FORCE_PATH_STYLE)).build()),
                Once.of(() -> builders.configure(DynamoDbClient.builder()).build()),
                Once.of(() -> builders.configure(SesV2Client.builder()).build()),
                Once.of(() -> builders.configure(SesV2Client.builder())
                        .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build()),
                Once.of(() -> builders.configure(SecretsManagerClient.builder()).build()),
                Once.of(() -> builders.configure(SqsClient.builder()).build()),
                Once.of(() -> builders.configure(SchedulerClient.builder()).build()),
                // CloudFront's API is global, in us-east-1, whatever the stack's region.
                Once.of(() -> builders.configure(CloudFrontClient.builder()).region(Region.AWS_GLOBAL).build()));
    }

    private record Builders(AwsCredentialsProvider credentials) {
        <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
            return builder.credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create());
        }
    }
}
