package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import despatch.lambda.SubscriberMailHandler;
import despatch.lambda.SubscriptionHandler;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.local.HttpApiEvents;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.ProjectRoot;
import despatch.common.EmailAddress;
import despatch.subscription.AddressKey;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * POST /subscriptions and POST /my-data through the real SubscriptionHandler, then the subscriber
 * mail queue consumed by the real SubscriberMailHandler as Lambda's event source mapping would: the
 * request stores and mails nothing, whoever the address belongs to; the consumer records the
 * subscription and mails the confirmation, and mails the data link to a subscribed address only.
 * The sample event sam local invoke uses (events/sqs-subscriber-request.json) is read as SQS delivers it.
 */
class SubscriberMailHandlerTest {
    private static final String HOST = "abcdef1234.execute-api.eu-west-2.amazonaws.com";
    private static final Pattern LINK = Pattern.compile("https://" + Pattern.quote(HOST) + "/[a-z/-]+\\?token=[^\\s\"<]+");
    private static final HttpApiEvents EVENTS = new HttpApiEvents(ProjectRoot.find());
    private final SubscriptionHandler api = new SubscriptionHandler(TestStack.wiring(Setting.Function.SubscriptionFunction, Clock.systemUTC()));
    private final String ip = "192.0.2." + (1 + (int) (Math.random() * 250));
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private APIGatewayV2HTTPResponse form(String path, String body) {
        return api.handleRequest(EVENTS.request("POST " + path, "POST", path, "", Map.of("content-type", "application/x-www-form-urlencoded",
                "accept", "text/html", "user-agent", "Mozilla/5.0 (Test)"), body, ip, HOST), null);
    }

    private static DynamoDbSubscriberStore store() {
        return new DynamoDbSubscriberStore(TestStack.get().dynamoDb(),
                TestStack.environment(Setting.Function.SubscriberMailFunction).get("SUBSCRIBERS_TABLE"));
    }

    private static List<CapturedEmail> mailTo(String address) {
        return TestStack.get().capturedEmails().stream().filter(m -> m.to().contains(address)).toList();
    }

    private static String link(CapturedEmail mail, String path) {
        Matcher matcher = LINK.matcher(mail.text());
        while (matcher.find()) {
            if (matcher.group().contains(path + "?")) {
                return matcher.group();
            }
        }
        throw new AssertionError("No " + path + " link in:\n" + mail.text());
    }

    private static String token(String link) {
        return URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Signs up through the form, lets the queue's consumer mail the confirmation, and presses its link. */
    private void subscribeAndConfirm(String address) {
        assertEquals(202, form("/subscriptions", "email=" + encode(address) + "&lists=newsletter&wording=2026-11").getStatusCode());
        TestStack.drainSubscriberMail();
        assertEquals(200, form("/confirm", "token=" + encode(token(link(mailTo(address).getLast(), "/confirm")))).getStatusCode());
    }

    @Test
    void theDataLinkReachesASubscribedAddressThroughTheQueueAndAnUnknownOneGetsNothing() {
        String known = "known-" + run + "@example.org.uk";
        String unknown = "unknown-" + run + "@example.org.uk";
        subscribeAndConfirm(known);
        int mailsBefore = mailTo(known).size();

        APIGatewayV2HTTPResponse forKnown = form("/my-data", "email=" + encode(known));
        APIGatewayV2HTTPResponse forUnknown = form("/my-data", "email=" + encode(unknown));

        assertEquals(202, forKnown.getStatusCode());
        assertEquals(forUnknown.getStatusCode(), forKnown.getStatusCode());
        assertEquals(forUnknown.getBody(), forKnown.getBody());
        assertEquals(mailsBefore, mailTo(known).size(), "nothing is mailed inside the request");

        TestStack.drainSubscriberMail();

        assertEquals(mailsBefore + 1, mailTo(known).size());
        CapturedEmail dataLink = mailTo(known).getLast();
        assertTrue(dataLink.subject().startsWith("Your data held by"), dataLink.subject());
        String preferences = link(dataLink, "/preferences");
        APIGatewayV2HTTPResponse page = api.handleRequest(EVENTS.request("GET /preferences", "GET", "/preferences",
                "token=" + encode(token(preferences)), Map.of("accept", "text/html"), null, ip, HOST), null);
        assertEquals(200, page.getStatusCode(), "the mailed link opens the subscriber's page");
        assertEquals(List.of(), mailTo(unknown));
    }

    @Test
    void aSubscribeIsRecordedAndConfirmedByTheConsumerNotInsideTheRequest() throws Exception {
        String fresh = "fresh-" + run + "@example.org.uk";
        String active = "active-" + run + "@example.org.uk";
        subscribeAndConfirm(active);
        int activeMailsBefore = mailTo(active).size();

        APIGatewayV2HTTPResponse forFresh = form("/subscriptions", "email=" + encode(fresh) + "&name=Sam+Example&lists=newsletter&wording=2026-11");
        APIGatewayV2HTTPResponse forActive = form("/subscriptions", "email=" + encode(active) + "&lists=newsletter&wording=2026-11");

        assertEquals(202, forFresh.getStatusCode());
        assertEquals(forFresh.getBody(), forActive.getBody());
        assertEquals(Optional.empty(), store().findAddress(AddressKey.of(EmailAddress.parse(fresh))), "nothing claimed inside the request");
        assertEquals(List.of(), mailTo(fresh), "nothing mailed inside the request");
        assertEquals(activeMailsBefore, mailTo(active).size());

        TestStack.drainSubscriberMail();

        CapturedEmail confirmation = mailTo(fresh).getLast();
        assertTrue(confirmation.subject().startsWith("Confirm your subscription"), confirmation.subject());
        Subscriber pending = store().findSubscriber(store().findAddress(AddressKey.of(EmailAddress.parse(fresh))).orElseThrow()
                .subscriberId().orElseThrow()).orElseThrow();
        assertEquals(SubscriberStatus.PENDING, pending.status());
        assertEquals("Sam Example", pending.name());
        ConsentRecord consent = pending.consents().getFirst();
        assertEquals(List.of(ConsentSource.FORM, ip, "Mozilla/5.0 (Test)", "2026-11"),
                List.of(consent.source(), consent.ipAddress(), consent.userAgent(), consent.wordingVersion()), "the request's origin, carried over");
        assertTrue(mailTo(active).getLast().subject().startsWith("You are already subscribed"), mailTo(active).getLast().subject());
        assertEquals(200, form("/confirm", "token=" + encode(token(link(confirmation, "/confirm")))).getStatusCode(),
                "the mailed link confirms");
    }

    @Test
    void theSampleEventThatSamLocalInvokeUsesIsConsumed() throws Exception {
        SQSEvent sample = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                .fromJson(Files.newInputStream(ProjectRoot.find().resolve("events/sqs-subscriber-request.json")));

        SubscriberMailHandler handler = new SubscriberMailHandler(TestStack.wiring(Setting.Function.SubscriberMailFunction, Clock.systemUTC()));

        assertEquals(List.of(), handler.handleRequest(sample, null).getBatchItemFailures());
    }

    @Test
    void aSubscribeMessageWithoutItsListsIsReportedAndTheRestOfTheBatchIsCarriedOut() throws Exception {
        SQSEvent batch = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                .fromJson(Files.newInputStream(ProjectRoot.find().resolve("events/sqs-subscriber-request.json")));
        String fresh = "batch-" + run + "@example.org.uk";
        SQSEvent.SQSMessage good = batch.getRecords().getFirst();
        good.setBody(good.getBody().replace("new-constituent@example.org.uk", fresh));
        SQSEvent.SQSMessage bad = batch.getRecords().getLast();
        bad.setMessageId("m-without-lists");
        bad.setBody("{\"kind\":\"SUBSCRIBE\",\"address\":\"" + fresh + "\",\"baseUrl\":\"https://" + HOST
                + "\",\"wordingVersion\":\"2026-11\",\"source\":\"FORM\"}");

        SubscriberMailHandler handler = new SubscriberMailHandler(TestStack.wiring(Setting.Function.SubscriberMailFunction, Clock.systemUTC()));

        assertEquals(List.of("m-without-lists"),
                handler.handleRequest(batch, null).getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
        assertEquals(1, mailTo(fresh).size(), "the readable one was carried out: one confirmation");
    }
}
