package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.lambda.wiring.Setting;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.FanOutCursor;
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
}
