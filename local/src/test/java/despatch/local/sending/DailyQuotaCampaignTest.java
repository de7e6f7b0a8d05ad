package despatch.local.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.common.EmailAddress;
import despatch.lambda.PublishHandler;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.local.S3EventFactory;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import despatch.local.stack.SesAccountQuota;
import despatch.sending.Campaign;
import despatch.sending.CampaignStatus;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
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
 * A campaign larger than the account's SES daily quota, through the real handlers, queues and the
 * local EventBridge Scheduler: what fits goes, the campaign waits with the reason for staff, and
 * it goes on by itself when the stack's clock reaches the time the quota frees up.
 */
class DailyQuotaCampaignTest {
    private static final int DAILY_QUOTA = 300;
    private static LocalAwsStack stack;

    @BeforeAll
    static void start() {
        // 300 a day keeps the test small; 1,000 a second keeps it quick.
        stack = LocalAwsStack.builder().sesQuota(new SesAccountQuota(1000, DAILY_QUOTA)).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static Wiring wiring(Setting.Function function) {
        return SendingStack.wiring(stack, function);
    }

    private static String env(Setting setting) {
        return stack.environmentFor(Setting.Function.SendFunction.name()).get(setting.name());
    }

    private static void deliverQueues() {
        SendingStack.deliverQueues(stack);
    }

    private static Map<String, Long> received() {
        return stack.capturedEmails().stream().filter(m -> m.subject().equals("Winter newsletter"))
                .flatMap(m -> m.to().stream()).collect(Collectors.groupingBy(to -> to, Collectors.counting()));
    }

    @Test
    void whatFitsTheDailyQuotaGoesAndTheRestGoesOnByItselfWhenItFreesUpWithNobodyTwice() throws Exception {
        List<Subscriber> people = new ArrayList<>();
        for (int i = 0; i < 750; i++) {
            people.add(new Subscriber("q" + String.format("%04d", i), EmailAddress.parse("reader" + i + "@example.org.uk"), "", "",
                    SubscriberStatus.ACTIVE, Set.of("newsletter"), Set.of(), null,
                    List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, Set.of("newsletter"), "", ConsentSource.IMPORT, "", "", "test")),
                    Instant.now(), Instant.now(), 1));
        }
        new DynamoDbSubscriberStore(stack.dynamoDb(), env(Setting.SUBSCRIBERS_TABLE)).createAll(people);
        DynamoDbCampaignStore campaigns = new DynamoDbCampaignStore(stack.dynamoDb(), env(Setting.CAMPAIGNS_TABLE));

        String bucket = env(Setting.UPLOADS_BUCKET);
        byte[] article = "---\ntitle: Winter newsletter\nslug: winter-newsletter\nlists: [newsletter]\n---\nGritting routes.\n"
                .getBytes(StandardCharsets.UTF_8);
        stack.s3().putObject(put -> put.bucket(bucket).key("articles/winter.md"), RequestBody.fromBytes(article));
        new PublishHandler(wiring(Setting.Function.PublishFunction))
                .handleRequest(new S3EventFactory(ProjectRoot.find()).objectCreated(bucket, "articles/winter.md", article.length), null);
        deliverQueues();

        assertEquals(DAILY_QUOTA, received().size(), "exactly the day's quota before the pause");
        Campaign waiting = campaigns.find("c-winter-newsletter").orElseThrow();
        assertEquals(CampaignStatus.SENDING, waiting.status());
        assertNotNull(waiting.quotaWait(), "waiting for the quota, and saying so");
        assertEquals(DAILY_QUOTA, waiting.quotaWait().dailyQuota());
        assertEquals(DAILY_QUOTA, waiting.counts().sent());
        assertTrue(waiting.quotaWait().until().isAfter(stack.clock().instant().plus(Duration.ofHours(23))), "about a day on");

        stack.moveClockOn(Duration.ofHours(2));
        deliverQueues();
        assertEquals(DAILY_QUOTA, received().size(), "nothing more before the quota frees up");

        // The local Scheduler fires the fan-out's own schedule when the stack's clock reaches it.
        stack.moveClockOn(Duration.between(stack.clock().instant(), waiting.quotaWait().until()));
        deliverQueues();
        assertEquals(2 * DAILY_QUOTA, received().size(), "the next day's quota, and no more");
        Campaign second = campaigns.find("c-winter-newsletter").orElseThrow();
        stack.moveClockOn(Duration.between(stack.clock().instant(), second.quotaWait().until()));
        deliverQueues();

        Map<String, Long> received = received();
        assertEquals(people.stream().map(p -> p.address().forDelivery()).collect(Collectors.toSet()), received.keySet(), "everyone in the end");
        assertTrue(received.values().stream().allMatch(n -> n == 1), "nobody twice");
        Campaign sent = campaigns.find("c-winter-newsletter").orElseThrow();
        assertEquals(CampaignStatus.SENT, sent.status());
        assertEquals(750, sent.counts().sent());
        assertNull(sent.quotaWait());
    }
}
