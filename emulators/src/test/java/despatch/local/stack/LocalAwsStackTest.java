package despatch.local.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sqs.model.Message;

/** The emulators answer the real SDK clients, and the stack holds what template.yaml declares. */
class LocalAwsStackTest {

    /** Non-ASCII on purpose: S3 must store bytes, not a re-encoded string. */
    private static final byte[] BODY = "Grüße from the constituency — £5 ✓ 😀\n".getBytes(StandardCharsets.UTF_8);

    private static LocalAwsStack stack;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.start();
        System.out.println("Local stack started in " + stack.startupTime().toMillis() + " ms");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyTemplateBucketStoresBytesExactly() {
        List<TemplateResource> buckets = stack.template().resourcesOfType("AWS::S3::Bucket");
        assertFalse(buckets.isEmpty());
        for (TemplateResource bucket : buckets) {
            String name = stack.template().physicalName(bucket.logicalId());
            stack.s3().putObject(b -> b.bucket(name).key("articles/grüße.md").contentType("text/markdown; charset=utf-8"),
                    RequestBody.fromBytes(BODY));
            byte[] read = stack.s3().getObjectAsBytes(b -> b.bucket(name).key("articles/grüße.md")).asByteArray();
            assertArrayEquals(BODY, read, name);
        }
    }

    @Test
    void articlesTableRefusesASecondConditionalPut() {
        String table = stack.template().physicalName("ArticlesTable");
        PutItemRequest put = PutItemRequest.builder()
                .tableName(table)
                .item(Map.of("slug", AttributeValue.fromS("2025-01-surgery-dates"), "title", AttributeValue.fromS("Surgery dates")))
                .conditionExpression("attribute_not_exists(slug)")
                .build();
        stack.dynamoDb().putItem(put);
        assertThrows(ConditionalCheckFailedException.class, () -> stack.dynamoDb().putItem(put));
    }

    @Test
    void sesAcceptsMailAndTheStoreShowsIt() {
        Instant before = Instant.now().minusSeconds(1);
        String messageId = stack.sesV2().sendEmail(b -> b
                .fromEmailAddress("Office of Jane Smith MP <news@example.org.uk>")
                .destination(d -> d.toAddresses("constituent@example.net"))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data("Surgery dates — spring").charset("UTF-8"))
                        .body(body -> body.html(h -> h.data("<p>Grüße</p>").charset("UTF-8")).text(t -> t.data("Grüße").charset("UTF-8")))
                        .headers(MessageHeader.builder().name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click").build()))))
                .messageId();
        CapturedEmail email = stack.capturedEmailsSince(before).stream()
                .filter(e -> e.messageId().equals(messageId)).findFirst().orElseThrow();
        assertEquals("Surgery dates — spring", email.subject());
        assertEquals(List.of("constituent@example.net"), email.to());
        assertEquals("<p>Grüße</p>", email.html());
        assertEquals("Grüße", email.text());
        assertEquals("List-Unsubscribe=One-Click", email.header("list-unsubscribe-post").orElseThrow());
    }

    @Test
    void theIdentityProviderPublishesItsDiscoveryDocumentForItsOwnIssuer() throws Exception {
        LocalIdentityProvider provider = stack.identityProvider();
        java.net.http.HttpResponse<String> discovery = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(provider.issuer() + "/.well-known/openid-configuration")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, discovery.statusCode());
        com.fasterxml.jackson.databind.JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(discovery.body());
        assertEquals(provider.issuer().toString(), document.get("issuer").asText());
        assertTrue(document.get("claims_supported").toString().contains("cognito:groups"), "groups as Cognito names them");
        assertEquals("[\"S256\"]", document.get("code_challenge_methods_supported").toString(), "PKCE with SHA-256 only");
        assertEquals(List.of("editor", "approver", "admin"), provider.staff().stream().map(StaffAccount::group).toList());
        assertFalse(provider.toString().contains(provider.clientSecret()), "no secret in a log line");
        assertFalse(provider.staff().toString().contains(provider.account("admin").password()), "no password in a log line");
    }

    @Test
    void templateQueuesExistAtTheUrlsTheTemplateResolvesTo() {
        for (TemplateResource queue : stack.template().resourcesOfType("AWS::SQS::Queue")) {
            String name = stack.template().physicalName(queue.logicalId());
            assertEquals(stack.template().ref(queue.logicalId()), stack.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl());
        }
    }

    @Test
    void publishFunctionGetsTheTemplatesSettingsAndTheEmulatorsEndpoints() {
        Map<String, String> environment = stack.environmentFor("PublishFunction");
        // Every variable the template gives the function, unless the emulators' own settings replace it.
        stack.template().environmentFor("PublishFunction").forEach((name, value) ->
                assertEquals(stack.awsEnvironment().getOrDefault(name, value), environment.get(name), name));
        assertEquals("despatch-local-uploads-000000000000", environment.get("UPLOADS_BUCKET"));
        assertEquals(stack.template().physicalName("SiteBucket"), environment.get("SITE_BUCKET"));
        assertEquals(stack.template().physicalName("ArticlesTable"), environment.get("ARTICLES_TABLE"));
        assertEquals(stack.s3Endpoint().toString(), environment.get("AWS_ENDPOINT_URL_S3"));
        assertEquals(stack.dynamoDbEndpoint().toString(), environment.get("AWS_ENDPOINT_URL_DYNAMODB"));
        assertEquals(stack.sesEndpoint().toString(), environment.get("AWS_ENDPOINT_URL_SESV2"));
        assertEquals("true", environment.get("S3_FORCE_PATH_STYLE"));
        assertEquals("eu-west-2", environment.get("AWS_REGION"));
    }

    @Test
    void aScheduleFiresWhenTheStacksClockPassesItAndNotBefore() {
        // FanOutDeadLetterQueue: no other test here reads it, and nothing consumes it.
        String queueUrl = stack.template().ref("FanOutDeadLetterQueue");
        Instant at = stack.clock().instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String input = "{\"at\":\"" + at + "\"}";
        scheduleOnce("clock-test", at, "FanOutDeadLetterQueue", input);
        assertThrows(ConflictException.class, () -> scheduleOnce("clock-test", at, "FanOutDeadLetterQueue", "{}"),
                "a second schedule of the same name");

        stack.moveClockOn(Duration.ofMinutes(59));
        assertTrue(stack.sqs().receiveMessage(receive -> receive.queueUrl(queueUrl)).messages().isEmpty(), "not before its time");

        stack.moveClockOn(Duration.ofMinutes(1));
        List<String> bodies = stack.sqs().receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(1)).messages().stream()
                .map(Message::body).toList();
        assertEquals(List.of(input), bodies);
    }

    /** A one-time schedule as EventBridgeCampaignScheduler makes one: at(...) in UTC, one of the template's queues as target. */
    private static void scheduleOnce(String name, Instant at, String queue, String input) {
        stack.scheduler().createSchedule(create -> create.name(name)
                .scheduleExpression("at(" + at.toString().replace("Z", "") + ")")
                .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                .target(target -> target.arn(stack.template().getAtt(queue, "Arn")).roleArn("arn:aws:iam::000000000000:role/scheduler")
                        .input(input)));
    }

    /** A second stack, on disk this time: objects are files a person can open, and close stops node. */
    @Test
    void aPersistentStackKeepsObjectsAsFilesAndClosingStopsTheNodeEmulators(@TempDir Path stateDir) throws IOException {
        int dynamoDbPort;
        int sesPort;
        try (LocalAwsStack onDisk = LocalAwsStack.builder().stateDir(stateDir).start()) {
            System.out.println("Persistent local stack started in " + onDisk.startupTime().toMillis() + " ms");
            String site = onDisk.template().physicalName("SiteBucket");
            onDisk.s3().putObject(b -> b.bucket(site).key("articles/surgery/index.html"), RequestBody.fromBytes(BODY));
            Path file = onDisk.filePathOf(site, "articles/surgery/index.html").orElseThrow();
            assertArrayEquals(BODY, Files.readAllBytes(file));
            dynamoDbPort = onDisk.dynamoDbEndpoint().getPort();
            sesPort = onDisk.sesEndpoint().getPort();
            assertTrue(answers(dynamoDbPort) && answers(sesPort));
        }
        assertTrue(stopsAnswering(dynamoDbPort), "dynalite still answers after close");
        assertTrue(stopsAnswering(sesPort), "aws-ses-v2-local still answers after close");
    }

    private static boolean stopsAnswering(int port) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!answers(port)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
