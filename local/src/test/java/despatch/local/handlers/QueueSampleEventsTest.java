package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import despatch.lambda.FanOutHandler;
import despatch.lambda.SiteHandler;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.wiring.Setting;
import despatch.local.stack.ProjectRoot;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.FanOutCursor;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample events `sam local invoke` uses for FanOutFunction and SiteFunction, exactly as
 * shipped in events/, through the real handlers against the local stack.
 */
class QueueSampleEventsTest {

    private static SQSEvent sample(String file) throws Exception {
        try (InputStream json = Files.newInputStream(ProjectRoot.find().resolve("events").resolve(file))) {
            return LambdaEventSerializers.serializerFor(SQSEvent.class, QueueSampleEventsTest.class.getClassLoader()).fromJson(json);
        }
    }

    @Test
    void theFanOutSampleFansItsCampaignOutToItsList() throws Exception {
        SQSEvent event = sample("sqs-fan-out.json");
        String campaignId = "c-november-in-llanfair-buses-surgeries-and-the-new-library";
        assertTrue(event.getRecords().getFirst().getBody().contains(campaignId));
        DynamoDbCampaignStore campaigns = new DynamoDbCampaignStore(TestStack.get().dynamoDb(),
                TestStack.environment(Setting.Function.FanOutFunction).get(Setting.CAMPAIGNS_TABLE.name()));
        // As publishing leaves it: sending, nothing fanned out yet.
        campaigns.create(new Campaign(campaignId, "november-in-llanfair-buses-surgeries-and-the-new-library", "November in Llanfair",
                List.of("press"), CampaignStatus.SENDING, null, FanOutCursor.START, false, new CampaignCounts(0, 0, 0, 0, 0), Instant.now(),
                Instant.now(), 1));

        SQSBatchResponse response = new FanOutHandler(TestStack.wiring(Setting.Function.FanOutFunction, Clock.systemUTC()))
                .handleRequest(event, null);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertTrue(campaigns.find(campaignId).orElseThrow().fanOutDone(), "fanned out to the end of its list");
    }

    @Test
    void theSiteSampleUpdatesOneArticleThenRebuildsTheSite() throws Exception {
        SQSEvent event = sample("sqs-site-change.json");
        assertEquals(List.of("site", "site"), event.getRecords().stream().map(r -> r.getAttributes().get("MessageGroupId")).toList(),
                "one message group, as the FIFO queue delivers them");

        int invalidationsBefore = TestStack.get().cdnInvalidations().size();
        SQSBatchResponse response = new SiteHandler(TestStack.wiring(Setting.Function.SiteFunction, Clock.systemUTC())).handleRequest(event, null);

        assertEquals(List.of(), response.getBatchItemFailures());
        assertTrue(TestStack.exists("SITE_BUCKET", "index.html") && TestStack.exists("SITE_BUCKET", "robots.txt")
                && TestStack.exists("SITE_BUCKET", "feeds/all.xml"), "the rebuild wrote the home page, robots.txt and the feed");
        var invalidations = TestStack.get().cdnInvalidations();
        assertEquals(invalidationsBefore + 1, invalidations.size(), "one invalidation for the one update");
        assertEquals(List.of("/*"), invalidations.getLast().paths(), "a rebuild may change any file");
        assertEquals(TestStack.environment(Setting.Function.SiteFunction).get("SITE_DISTRIBUTION_ID"), invalidations.getLast().distributionId());
    }

    @Test
    void aSiteChangeDeliveredAgainRefreshesEverythingItCannotSeeItWrote() throws Exception {
        SQSEvent event = sample("sqs-site-change.json");
        event.setRecords(List.of(event.getRecords().getFirst()));
        event.getRecords().getFirst().setAttributes(new java.util.HashMap<>(event.getRecords().getFirst().getAttributes()));
        event.getRecords().getFirst().getAttributes().put("ApproximateReceiveCount", "2");
        SiteHandler handler = new SiteHandler(TestStack.wiring(Setting.Function.SiteFunction, Clock.systemUTC()));

        handler.handleRequest(event, null);

        assertEquals(List.of("/*"), TestStack.get().cdnInvalidations().getLast().paths());
    }
}
