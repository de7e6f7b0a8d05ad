package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.console.ListCensus;
import despatch.lambda.wiring.Setting;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list census on the DynamoDB emulator: one count a day (the latest), the newest read alone, a range oldest first. */
class DynamoDbListCensusTest {
    private final DynamoDbListCensus census = new DynamoDbListCensus(TestStack.get().dynamoDb(),
            TestStack.environment(Setting.Function.ConsoleFunction).get(Setting.CAMPAIGNS_TABLE.name()));

    @Test
    void eachDaysLatestCountIsKeptAndReadBack() {
        // Far in the future, so the newest whatever else the tests count.
        LocalDate day = LocalDate.of(2099, 5, 1);
        Instant at = Instant.parse("2099-05-01T09:00:00Z");
        ListCensus.Count monthAgo = new ListCensus.Count(day.minusDays(31), at.minusSeconds(31 * 86_400), Map.of("newsletter", 1000L));
        ListCensus.Count earlier = new ListCensus.Count(day.minusDays(3), at.minusSeconds(3 * 86_400), Map.of("newsletter", 1100L, "press", 7L));
        ListCensus.Count morning = new ListCensus.Count(day, at, Map.of("newsletter", 1200L, "press", 9L));
        ListCensus.Count afternoon = new ListCensus.Count(day, at.plusSeconds(5 * 3600), Map.of("newsletter", 1204L, "press", 10L));
        List.of(monthAgo, earlier, morning, afternoon).forEach(census::record);

        assertEquals(afternoon, census.latest().orElseThrow());
        assertEquals(List.of(earlier, afternoon), census.since(day.minusDays(30)));
    }
}
