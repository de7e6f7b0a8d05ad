package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.lambda.StackNameCheckHandler;
import despatch.local.stack.ProjectRoot;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The real StackNameCheckHandler on CloudFormation's custom resource event
 * (events/cfn-stack-name-check.json), against the local stack, answering as CloudFormation asks:
 * a PUT of its JSON answer to a presigned S3 URL (here the S3 emulator's).
 */
class StackNameCheckHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StackNameCheckHandler handler = new StackNameCheckHandler(despatch.local.StackWiring.clients(TestStack.get()));
    private final String bucket = TestStack.bucket("UPLOADS_BUCKET");

    private CloudFormationCustomResourceEvent sample(String key) throws Exception {
        CloudFormationCustomResourceEvent event;
        try (InputStream json = Files.newInputStream(ProjectRoot.find().resolve("events/cfn-stack-name-check.json"))) {
            event = LambdaEventSerializers.serializerFor(CloudFormationCustomResourceEvent.class, getClass().getClassLoader()).fromJson(json);
        }
        Map<String, String> environment = TestStack.get().awsEnvironment();
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(TestStack.get().s3Endpoint())
                .region(Region.of(environment.get("AWS_REGION"))).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true)
                        .build()).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                                environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY")))).build()) {
            event.setResponseUrl(presigner.presignPutObject(put -> put.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(object -> object.bucket(bucket).key(key))).url().toString());
        }
        return event;
    }

    private static JsonNode answer(String key) throws Exception {
        return JSON.readTree(TestStack.read("UPLOADS_BUCKET", key));
    }

    @Test
    void theSampleNamesAStackWhoseBucketsAndQueuesAreAlreadyThereSoCreatingItFailsWithTheWaysOut() throws Exception {
        String key = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent event = sample(key);

        assertEquals("FAILED", handler.handleRequest(event, null));

        JsonNode answer = answer(key);
        assertEquals("FAILED", answer.path("Status").asText());
        assertTrue(answer.path("Reason").asText().contains("despatch-local-uploads-000000000000") && answer.path("Reason").asText()
                .contains("despatch-local-site.fifo") && answer.path("Reason").asText().contains("Deploy under another stack name"),
                answer.toString());
        assertEquals(event.getRequestId(), answer.path("RequestId").asText());
        assertEquals("StackNameCheck", answer.path("LogicalResourceId").asText());
    }

    @Test
    void aFreshLowerCaseNameSucceedsAndABadOneSaysWhy() throws Exception {
        String fresh = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent event = sample(fresh);
        event.setResourceProperties(Map.of("StackName", "jane-smith-news", "Buckets", List.of("jane-smith-news-uploads-000000000000"),
                "Queues", List.of("jane-smith-news-site.fifo")));
        assertEquals("SUCCESS", handler.handleRequest(event, null));
        assertEquals("SUCCESS", answer(fresh).path("Status").asText());

        String upper = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent bad = sample(upper);
        bad.setResourceProperties(Map.of("StackName", "JaneSmith", "Buckets", List.of(), "Queues", List.of()));
        assertEquals("FAILED", handler.handleRequest(bad, null));
        assertTrue(answer(upper).path("Reason").asText().contains("such as 'janesmith'"), answer(upper).toString());
    }

    @Test
    void deletingTheStackIsNeverHeldUp() throws Exception {
        String key = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent event = sample(key);
        event.setRequestType("Delete");
        event.setPhysicalResourceId("despatch-stack-name-check");
        assertEquals("SUCCESS", handler.handleRequest(event, null));
        assertEquals("despatch-stack-name-check", answer(key).path("PhysicalResourceId").asText());
    }
}
