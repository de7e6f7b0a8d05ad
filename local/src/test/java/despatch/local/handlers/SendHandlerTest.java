package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import despatch.article.ArticleParser;
import despatch.lambda.SendHandler;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.aws.S3RenderedEmailStore;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.local.stack.ProjectRoot;
import despatch.messages.SendBatchCodec;
import despatch.render.ArticleRenderer;
import despatch.sending.Recipient;
import despatch.sending.SendBatch;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The real SendHandler on SQS events of the deployed shape (events/sqs-send-batch.json), against S3, DynamoDB and SES. */
class SendHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final SendHandler handler = new SendHandler(TestStack.wiring(Setting.Function.SendFunction, Clock.systemUTC()));

    private static SQSEvent event(String... bodies) throws Exception {
        ObjectNode sample = (ObjectNode) JSON.readTree(Files.readString(ProjectRoot.find().resolve("events/sqs-send-batch.json")));
        ObjectNode template = (ObjectNode) sample.get("Records").get(0);
        var records = sample.putArray("Records");
        for (String body : bodies) {
            records.add(template.deepCopy().put("messageId", UUID.randomUUID().toString()).put("body", body));
        }
        return LambdaEventSerializers.serializerFor(SQSEvent.class, SendHandlerTest.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(JSON.writeValueAsBytes(sample)));
    }

    private static void renderedEmailFor(String slug) throws Exception {
        Settings settings = Settings.from(TestStack.environment(Setting.Function.PublishFunction), Setting.Function.PublishFunction);
        var article = new ArticleParser(settings.office(), Clock.systemUTC()).parse(slug + ".md", ("---\ntitle: Winter surgeries\nslug: "
                + slug + "\nlists: [newsletter]\n---\nSurgeries move to the library on Saturdays.\n").getBytes(StandardCharsets.UTF_8)).article();
        new S3RenderedEmailStore(TestStack.get().s3(), TestStack.bucket("UPLOADS_BUCKET"))
                .save(slug, new ArticleRenderer(settings.office(), Clock.systemUTC()).render(article));
    }

    /** A campaign in SENDING with its fan-out done, as publishing and fan-out leave it. */
    private static void sendingCampaign(String campaignId, String slug, int enqueued) {
        new despatch.lambda.aws.DynamoDbCampaignStore(TestStack.get().dynamoDb(),
                TestStack.environment(Setting.Function.SendFunction).get("CAMPAIGNS_TABLE"))
                .create(new despatch.sending.Campaign(campaignId, slug, "Winter surgeries", List.of("newsletter"),
                        despatch.sending.CampaignStatus.SENDING, null, despatch.sending.FanOutCursor.START, true,
                        new despatch.sending.CampaignCounts(enqueued, 0, 0, 0, 0), Instant.now(), Instant.now(), 1));
    }

    private List<Recipient> activeSubscribers(int count) throws Exception {
        List<Subscriber> people = new ArrayList<>();
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EmailAddress address = EmailAddress.parse("send" + i + "-" + run + "@example.org.uk");
            Subscriber subscriber = new Subscriber("send-" + i + "-" + run, address, "", "", SubscriberStatus.ACTIVE, Set.of("newsletter"),
                    Set.of(), null, List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, Set.of("newsletter"), "",
                            ConsentSource.IMPORT, "", "", "test")), Instant.now(), Instant.now(), 1);
            people.add(subscriber);
            recipients.add(new Recipient(subscriber.id(), address));
        }
        new DynamoDbSubscriberStore(TestStack.get().dynamoDb(), TestStack.environment(Setting.Function.SendFunction).get("SUBSCRIBERS_TABLE"))
                .createAll(people);
        return recipients;
    }

    private static long received(String address) {
        return TestStack.get().capturedEmails().stream().filter(m -> m.to().contains(address)).count();
    }

    @Test
    void eachMessageDeliveredTwiceReachesEveryoneOnceAndAPoisonMessageAloneIsReportedFailed() throws Exception {
        String slug = "winter-surgeries-" + run;
        renderedEmailFor(slug);
        sendingCampaign("c-" + run, slug, 6);
        List<Recipient> people = activeSubscribers(6);
        String first = SendBatchCodec.CODEC.write(new SendBatch("c-" + run, slug, Set.of("newsletter"), people.subList(0, 3)));
        String second = SendBatchCodec.CODEC.write(new SendBatch("c-" + run, slug, Set.of("newsletter"), people.subList(3, 6)));

        SQSBatchResponse response = handler.handleRequest(event(first, second, first, "{\"not\": \"a batch\"}"), null);
        handler.handleRequest(event(second), null);

        assertEquals(1, response.getBatchItemFailures().size(), "only the poison message goes back to the queue");
        for (Recipient person : people) {
            assertEquals(1, received(person.address().forDelivery()), person.address().forDelivery());
        }
        assertTrue(TestStack.get().capturedEmails().stream().filter(m -> m.to().contains(people.get(0).address().forDelivery()))
                .allMatch(m -> m.header("List-Unsubscribe-Post").isPresent() && m.subject().equals("Winter surgeries")));
        var campaign = new despatch.lambda.aws.DynamoDbCampaignStore(TestStack.get().dynamoDb(),
                TestStack.environment(Setting.Function.SendFunction).get("CAMPAIGNS_TABLE")).find("c-" + run).orElseThrow();
        assertEquals(6, campaign.counts().sent(), "each delivery counted once, however often its batch came");
        assertEquals(despatch.sending.CampaignStatus.SENT, campaign.status());
    }

    @Test
    void theSampleEventThatSamLocalInvokeUsesIsConsumed() throws Exception {
        renderedEmailFor("winter-surgeries-in-llanfair");
        sendingCampaign("c-winter-surgeries", "winter-surgeries-in-llanfair", 1);
        SQSEvent sample = LambdaEventSerializers.serializerFor(SQSEvent.class, SendHandlerTest.class.getClassLoader())
                .fromJson(Files.newInputStream(ProjectRoot.find().resolve("events/sqs-send-batch.json")));
        // The sample's recipient is nobody's subscription here: claimed, found not subscribed, suppressed, done.
        assertTrue(handler.handleRequest(sample, null).getBatchItemFailures().isEmpty());
        // (The subscription tests send this sample address a confirmation; no newsletter may follow.)
        assertEquals(0, TestStack.get().capturedEmails().stream()
                .filter(m -> m.to().contains("constituent@example.org.uk") && m.subject().equals("Winter surgeries")).count());
    }
}
