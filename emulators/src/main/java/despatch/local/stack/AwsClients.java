package despatch.local.stack;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK v2 clients pointed at one emulator each, with the stack's region and key pair. */
final class AwsClients {

    private final Region region;
    private final StaticCredentialsProvider credentials;

    AwsClients(String region, String accessKeyId, String secretAccessKey) {
        this.region = Region.of(region);
        this.credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /** Path-style because bucket-name host names (bucket.127.0.0.1) do not resolve locally. */
    S3Client s3(URI endpoint) {
        return configure(S3Client.builder(), endpoint).forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    DynamoDbClient dynamoDb(URI endpoint) {
        return configure(DynamoDbClient.builder(), endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    SqsClient sqs(URI endpoint) {
        return configure(SqsClient.builder(), endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    SesV2Client sesV2(URI endpoint) {
        return configure(SesV2Client.builder(), endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    software.amazon.awssdk.services.scheduler.SchedulerClient scheduler(URI endpoint) {
        return configure(software.amazon.awssdk.services.scheduler.SchedulerClient.builder(), endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** CloudFront is global: its clients are signed for us-east-1 whatever the stack's region. */
    software.amazon.awssdk.services.cloudfront.CloudFrontClient cloudFront(URI endpoint) {
        return configure(software.amazon.awssdk.services.cloudfront.CloudFrontClient.builder(), endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    SecretsManagerClient secretsManager(URI endpoint) {
        return configure(SecretsManagerClient.builder(), endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint).region(region).credentialsProvider(credentials);
    }
}
