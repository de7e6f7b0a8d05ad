package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import despatch.lambda.SubscriberMailHandler;
import despatch.lambda.SubscriptionHandler;
import despatch.lambda.wiring.Setting;
import despatch.local.HttpApiEvents;
import despatch.local.queue.EventSourceMapping;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.ProjectRoot;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * POST /my-data through the real SubscriptionHandler, then the subscriber mail queue consumed by
 * the real SubscriberMailHandler as Lambda's event source mapping would: the data link reaches a
 * subscribed address, and an unknown address gets nothing, with the same answer to both. The sample
 * event sam local invoke uses (events/sqs-data-link-request.json) is read as SQS delivers it.
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

    private static EventSourceMapping.DrainResult drainSubscriberMail() {
        try (EventSourceMapping mapping = EventSourceMapping.fromTemplate(TestStack.get(), "SubscriberMailFunction",
                new SubscriberMailHandler(TestStack.wiring(Setting.Function.SubscriberMailFunction, Clock.systemUTC())),
                EventSourceMapping.Options.LOCAL.withPollWait(Duration.ZERO))) {
            return mapping.drain(Duration.ofSeconds(30));
        }
    }

    @Test
    void theDataLinkReachesASubscribedAddressThroughTheQueueAndAnUnknownOneGetsNothing() {
        String known = "known-" + run + "@example.org.uk";
        String unknown = "unknown-" + run + "@example.org.uk";
        assertEquals(202, form("/subscriptions", "email=" + encode(known) + "&lists=newsletter&wording=2026-11").getStatusCode());
        assertEquals(200, form("/confirm", "token=" + encode(token(link(mailTo(known).getLast(), "/confirm")))).getStatusCode());
        int mailsBefore = mailTo(known).size();

        APIGatewayV2HTTPResponse forKnown = form("/my-data", "email=" + encode(known));
        APIGatewayV2HTTPResponse forUnknown = form("/my-data", "email=" + encode(unknown));

        assertEquals(202, forKnown.getStatusCode());
        assertEquals(forUnknown.getStatusCode(), forKnown.getStatusCode());
        assertEquals(forUnknown.getBody(), forKnown.getBody());
        assertEquals(mailsBefore, mailTo(known).size(), "nothing is mailed inside the request");

        EventSourceMapping.DrainResult drained = drainSubscriberMail();

        assertTrue(drained.queueEmpty(), drained.toString());
        assertEquals(0, drained.reportedFailed(), drained.toString());
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
    void theSampleEventThatSamLocalInvokeUsesIsConsumed() throws Exception {
        SQSEvent sample = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                .fromJson(Files.newInputStream(ProjectRoot.find().resolve("events/sqs-data-link-request.json")));

        SubscriberMailHandler handler = new SubscriberMailHandler(TestStack.wiring(Setting.Function.SubscriberMailFunction, Clock.systemUTC()));

        assertEquals(List.of(), handler.handleRequest(sample, null).getBatchItemFailures());
    }
}
