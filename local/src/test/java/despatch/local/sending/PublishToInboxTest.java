package despatch.local.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.lambda.PublishHandler;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.local.S3EventFactory;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.SesAccountQuota;
import despatch.local.stack.ProjectRoot;
import despatch.sending.Campaign;
import despatch.sending.CampaignStatus;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Publish → campaign → fan-out → send, on a stack of its own: the real handlers, with the queues
 * between them consumed the way Lambda's SQS event source mappings would (batches, partial
 * failures, redrive). Everyone active on the article's lists gets exactly one email; nobody else.
 */
class PublishToInboxTest {
    private static LocalAwsStack stack;

    @BeforeAll
    static void start() {
        // An account SES lets send 1,000 a second, as the workers read it: pacing itself is RateWindowTest's, so this stays quick.
        stack = LocalAwsStack.builder().sesQuota(new SesAccountQuota(1000, 50_000)).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Wiring wiring(Setting.Function function) {
        return SendingStack.wiring(stack, function);
    }

    private static String env(Setting.Function function, Setting setting) {
        return stack.environmentFor(function.name()).get(setting.name());
    }

    private static Subscriber person(int i, SubscriberStatus status, Set<String> lists) throws Exception {
        return new Subscriber("p" + String.format("%04d", i), EmailAddress.parse("person" + i + "@example.org.uk"), "", "", status,
                status == SubscriberStatus.ACTIVE ? lists : Set.of(), status == SubscriberStatus.PENDING ? lists : Set.of(), null,
                List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, lists, "", ConsentSource.IMPORT, "", "", "test")),
                Instant.now(), Instant.now(), 1);
    }

    private static void publish(PublishHandler handler, String key, String text) {
        String bucket = env(Setting.Function.PublishFunction, Setting.UPLOADS_BUCKET);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stack.s3().putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        handler.handleRequest(new S3EventFactory(ProjectRoot.find()).objectCreated(bucket, key, bytes.length), null);
    }

    private static void deliverQueues() {
        SendingStack.deliverQueues(stack);
    }

    @Test
    void everyActiveSubscriberOfTheArticlesListsGetsExactlyOneEmailAndACorrectionSendsNothing() throws Exception {
        List<Subscriber> people = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            SubscriberStatus status = i % 50 == 7 ? SubscriberStatus.PENDING : i % 50 == 9 ? SubscriberStatus.UNSUBSCRIBED : SubscriberStatus.ACTIVE;
            Set<String> lists = i % 3 == 0 ? Set.of("newsletter", "press") : i % 3 == 1 ? Set.of("newsletter") : Set.of("press");
            people.add(person(i, status, lists));
        }
        new DynamoDbSubscriberStore(stack.dynamoDb(), env(Setting.Function.SendFunction, Setting.SUBSCRIBERS_TABLE)).createAll(people);

        PublishHandler publisher = new PublishHandler(wiring(Setting.Function.PublishFunction));
        String article = "---\ntitle: Budget day in Llanfair\nslug: budget-day\nlists: [newsletter]\n---\nWhat the budget means here.\n";
        publish(publisher, "articles/budget-day.md", article);
        deliverQueues();

        Map<String, Long> received = stack.capturedEmails().stream().filter(m -> m.subject().equals("Budget day in Llanfair"))
                .flatMap(m -> m.to().stream()).collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        Set<String> expected = people.stream()
                .filter(p -> p.status() == SubscriberStatus.ACTIVE && p.lists().contains("newsletter"))
                .map(p -> p.address().forDelivery()).collect(Collectors.toSet());
        assertEquals(expected, received.keySet(), "every active newsletter subscriber, and nobody else");
        assertTrue(received.values().stream().allMatch(n -> n == 1), "exactly one each");
        for (CapturedEmail mail : stack.capturedEmails()) {
            assertTrue(mail.header("List-Unsubscribe").orElse("").contains("/unsubscribe?token="), "a per-recipient link");
            assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post").orElse(""));
        }
        Campaign campaign = new DynamoDbCampaignStore(stack.dynamoDb(), env(Setting.Function.SendFunction, Setting.CAMPAIGNS_TABLE))
                .find(Campaign.idFor("budget-day")).orElseThrow();
        assertEquals(CampaignStatus.SENT, campaign.status());
        assertEquals(expected.size(), campaign.counts().sent());
        System.out.println("publish to inbox: " + expected.size() + " active subscribers, campaign " + campaign.counts());

        int before = stack.capturedEmails().size();
        publish(publisher, "articles/budget-day.md", article.replace("means here.", "means here, corrected."));
        deliverQueues();
        assertEquals(before, stack.capturedEmails().size(), "a correction updates the page and sends nothing");
    }

    @Test
    void anEmbargoedReleaseGoesOnTheSiteAndOutToItsListAtTheEmbargoAndNotBefore() throws Exception {
        List<Subscriber> journalists = new ArrayList<>();
        for (int i = 1000; i < 1010; i++) {
            journalists.add(person(i, SubscriberStatus.ACTIVE, Set.of("press")));
        }
        new DynamoDbSubscriberStore(stack.dynamoDb(), env(Setting.Function.SendFunction, Setting.SUBSCRIBERS_TABLE)).createAll(journalists);
        Instant embargo = stack.clock().instant().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        publish(new PublishHandler(wiring(Setting.Function.PublishFunction)), "articles/school.md", "---\ntitle: New school approved\n"
                + "kind: press-release\nslug: new-school\nlists: [press]\nembargo: " + embargo + "\n---\nThe county has approved it.\n");
        String site = env(Setting.Function.PublishFunction, Setting.SITE_BUCKET);
        DynamoDbCampaignStore campaigns = new DynamoDbCampaignStore(stack.dynamoDb(), env(Setting.Function.SendFunction, Setting.CAMPAIGNS_TABLE));

        deliverQueues();
        assertEquals(CampaignStatus.SCHEDULED, campaigns.find("c-new-school").orElseThrow().status());
        assertTrue(stack.capturedEmails().stream().noneMatch(m -> m.subject().equals("New school approved")), "nothing before the embargo");
        assertTrue(stack.s3().listObjectsV2(list -> list.bucket(site).prefix("articles/new-school/")).contents().isEmpty(), "no page yet");

        // To the embargo without waiting: the local EventBridge Scheduler puts the start request on the fan-out queue.
        stack.moveClockOn(java.time.Duration.between(stack.clock().instant(), embargo));
        deliverQueues();

        assertEquals(CampaignStatus.SENT, campaigns.find("c-new-school").orElseThrow().status());
        for (Subscriber journalist : journalists) {
            assertEquals(1, stack.capturedEmails().stream().filter(m -> m.subject().equals("New school approved"))
                    .filter(m -> m.to().contains(journalist.address().forDelivery())).count(), "one copy each, at the embargo");
        }
        assertTrue(stack.s3().getObjectAsBytes(get -> get.bucket(site).key("articles/new-school/index.html")).asUtf8String()
                .contains("The county has approved it."));
    }
}
