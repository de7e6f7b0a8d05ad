package despatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.subscription.MutableClock;
import despatch.testing.TestOffice;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Members per list: counted at most about once an hour however often staff look, kept a day at a time for the change over 30 days. */
class ListCountsTest {
    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemoryListCensus census = new InMemoryListCensus();
    private final Map<String, Long> onTheLists = new HashMap<>(Map.of("newsletter", 1204L, "press", 310L));
    private final List<String> asked = new java.util.ArrayList<>();
    private final ListCounts counts = new ListCounts(census, list -> {
        asked.add(list);
        return onTheLists.get(list);
    }, List.of("newsletter", "press"), TestOffice.office().zone(), clock);

    @Test
    void theListsAreCountedOnceAnHourAndEveryOtherViewReadsTheCensus() {
        assertEquals(Map.of("newsletter", 1204L, "press", 310L), counts.current().members());
        onTheLists.put("newsletter", 1210L);
        clock.advance(Duration.ofMinutes(59));
        assertEquals(1204L, counts.current().members().get("newsletter"), "still the count of under an hour ago");
        assertEquals(List.of("newsletter", "press"), asked, "each list counted once");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1210L, counts.current().members().get("newsletter"), "counted again after an hour");
        assertEquals(2, census.recorded);
        assertEquals(1, census.since(LocalDate.MIN).size(), "one count kept per day: the latest");
    }

    @Test
    void theChangeIsAgainstTheEarliestCountOfTheLast30DaysBeforeToday() {
        assertTrue(counts.earliestWithin(30).isEmpty(), "nothing to compare with yet");
        counts.current();
        assertTrue(counts.earliestWithin(30).isEmpty(), "today's own count is not a change");
        clock.advance(Duration.ofDays(12));
        onTheLists.put("press", 300L);
        counts.current();
        assertEquals(310L, counts.earliestWithin(30).orElseThrow().members().get("press"));
        clock.advance(Duration.ofDays(25));
        counts.current();
        assertEquals(300L, counts.earliestWithin(30).orElseThrow().members().get("press"), "the first one, 37 days back, is out of the window");
    }
}
