package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.lambda.wiring.Setting;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.FanOutCursor;
import despatch.sending.QuotaWait;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The campaign registry on the DynamoDB emulator: the latest campaigns, newest first, each with its counters. */
class DynamoDbCampaignStoreTest {
    private final DynamoDbCampaignStore store = new DynamoDbCampaignStore(TestStack.get().dynamoDb(),
            TestStack.environment(Setting.Function.SendFunction).get(Setting.CAMPAIGNS_TABLE.name()));

    @Test
    void theLatestCampaignsComeNewestFirstWithTheirCounts() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Later than anything else a test creates in this table, so these are the newest.
        Instant base = Instant.parse("2099-01-01T00:00:00Z").plusSeconds(Math.abs(run.hashCode() % 100_000) * 10L);
        for (int i = 0; i < 3; i++) {
            store.create(new Campaign("c-recent-" + i + "-" + run, "recent-" + i, "Recent " + i, List.of("newsletter"),
                    CampaignStatus.SENDING, null, FanOutCursor.START, false, new CampaignCounts(10, 0, 0, 0, 0),
                    base.plusSeconds(i), base.plusSeconds(i), 1));
            store.addCounts("c-recent-" + i + "-" + run, i + 1, 0, 0, 0);
        }
        List<Campaign> recent = store.recent(2);
        assertEquals(List.of("c-recent-2-" + run, "c-recent-1-" + run), recent.stream().map(Campaign::id).toList());
        assertEquals(List.of(3L, 2L), recent.stream().map(campaign -> campaign.counts().sent()).toList());
    }

    @Test
    void aWaitForTheDailyQuotaIsKeptWithTheCampaignUntilFanOutGoesOn() {
        String id = "c-quota-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.parse("2026-12-07T09:03:00Z");
        Campaign sending = new Campaign(id, id.substring(2), "Quota", List.of("newsletter"), CampaignStatus.SENDING, null,
                FanOutCursor.START, false, CampaignCounts.NONE, now, now, 1);
        store.create(sending);
        QuotaWait wait = new QuotaWait(Instant.parse("2026-12-08T09:20:00Z"), 50_000);
        Campaign waiting = new Campaign(id, sending.slug(), "Quota", sending.lists(), CampaignStatus.SENDING, null,
                new FanOutCursor(0, "s-0700"), false, new CampaignCounts(700, 0, 0, 0, 0), now, now, 2, wait);
        store.save(waiting);
        assertEquals(waiting, store.find(id).orElseThrow());

        Campaign goesOn = new Campaign(id, sending.slug(), "Quota", sending.lists(), CampaignStatus.SENDING, null,
                new FanOutCursor(0, "s-1200"), false, new CampaignCounts(1_200, 0, 0, 0, 0), now, now, 3, null);
        store.save(goesOn);
        assertEquals(goesOn, store.find(id).orElseThrow());
    }
}
