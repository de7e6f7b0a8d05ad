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
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The real StackNameCheckHandler on CloudFormation's custom resource event
 * (events/cfn-stack-name-check.json), against the local stack's S3 and SQS, answering as
 * CloudFormation asks: a PUT of its JSON answer to a presigned S3 URL (here the S3 emulator's).
 * Whose a queue is, is told by CloudFormation's stack-id tag, as AWS tags what a stack makes.
 */
class StackNameCheckHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StackNameCheckHandler handler = new StackNameCheckHandler(despatch.local.StackWiring.clients(TestStack.get()));
    private final String bucket = TestStack.bucket("UPLOADS_BUCKET");
    private final String run = UUID.randomUUID().toString().substring(0, 8);

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

    private static void fifoQueue(String name, Map<String, String> tags) {
        TestStack.get().sqs().createQueue(create -> create.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))
                .tags(tags));
    }

    @Test
    void theSampleStackIsNewHereSoItsNamesAreFreeAndCreatingItGoesOn() throws Exception {
        String key = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent event = sample(key);

        assertEquals("SUCCESS", handler.handleRequest(event, null));

        JsonNode answer = answer(key);
        assertEquals("SUCCESS", answer.path("Status").asText());
        assertEquals(event.getRequestId(), answer.path("RequestId").asText());
        assertEquals(event.getStackId(), answer.path("StackId").asText());
        assertEquals("StackNameCheck", answer.path("LogicalResourceId").asText());
    }

    @Test
    void aQueueLeftByAnEarlierStackOfTheNameStopsTheDeploymentWithTheWaysOut() throws Exception {
        String stack = "left-" + run;
        fifoQueue(stack + "-site.fifo", Map.of("aws:cloudformation:stack-id", "arn:aws:cloudformation:eu-west-2:000000000000:stack/"
                + stack + "/an-earlier-one"));
        String key = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent event = sample(key);
        event.setResourceProperties(Map.of("StackName", stack, "Buckets", List.of(stack + "-uploads-000000000000"),
                "Queues", List.of(stack + "-site.fifo")));

        assertEquals("FAILED", handler.handleRequest(event, null));

        String reason = answer(key).path("Reason").asText();
        assertTrue(reason.contains(stack + "-site.fifo already exist") && reason.contains("Deploy under another stack name"), reason);
    }

    @Test
    void aStackUpdatedToHaveTheCheckFindsItsOwnQueueAndGoesOn() throws Exception {
        String stack = "ours-" + run;
        String key = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent event = sample(key);
        fifoQueue(stack + "-site.fifo", Map.of("aws:cloudformation:stack-id", event.getStackId()));
        event.setResourceProperties(Map.of("StackName", stack, "Buckets", List.of(), "Queues", List.of(stack + "-site.fifo")));

        assertEquals("SUCCESS", handler.handleRequest(event, null));
    }

    @Test
    void aNameS3CannotTakeSaysWhyAndDeletingIsNeverHeldUp() throws Exception {
        String upper = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent bad = sample(upper);
        bad.setResourceProperties(Map.of("StackName", "JaneSmith", "Buckets", List.of(), "Queues", List.of()));
        assertEquals("FAILED", handler.handleRequest(bad, null));
        assertTrue(answer(upper).path("Reason").asText().contains("such as 'janesmith'"), answer(upper).toString());

        String gone = "cfn-responses/" + UUID.randomUUID();
        CloudFormationCustomResourceEvent delete = sample(gone);
        delete.setRequestType("Delete");
        delete.setPhysicalResourceId("despatch-stack-name-check");
        delete.setResourceProperties(Map.of("StackName", "JaneSmith"));
        assertEquals("SUCCESS", handler.handleRequest(delete, null));
        assertEquals("despatch-stack-name-check", answer(gone).path("PhysicalResourceId").asText());
    }
}
