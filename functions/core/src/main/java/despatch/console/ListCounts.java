package despatch.console;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Members per list for the console's pages: the census's latest count while it is under an hour
 * old, or a fresh count of every list (a COUNT query each, whose cost grows with the list) kept as
 * today's. So the lists are counted at most about once an hour however often staff look, and
 * every other view reads one small item.
 */
public final class ListCounts {
    static final Duration FRESH_FOR = Duration.ofHours(1);

    private final ListCensus census;
    private final ListSizes sizes;
    private final List<String> listIds;
    private final ZoneId zone;
    private final Clock clock;

    public ListCounts(ListCensus census, ListSizes sizes, List<String> listIds, ZoneId zone, Clock clock) {
        this.census = census;
        this.sizes = sizes;
        this.listIds = List.copyOf(listIds);
        this.zone = zone;
        this.clock = clock;
    }

    /** Each list's members, counted within the last hour. */
    public ListCensus.Count current() {
        Optional<ListCensus.Count> latest = census.latest();
        if (latest.isPresent() && latest.get().countedAt().isAfter(clock.instant().minus(FRESH_FOR))
                && latest.get().members().keySet().containsAll(listIds)) {
            return latest.get();
        }
        Map<String, Long> members = new LinkedHashMap<>();
        listIds.forEach(list -> members.put(list, sizes.activeMembers(list)));
        ListCensus.Count count = new ListCensus.Count(LocalDate.now(clock.withZone(zone)), clock.instant(), members);
        census.record(count);
        return count;
    }

    /** The earliest count kept in the last {@code days} days (before today's), to set today's beside; empty if none. */
    public Optional<ListCensus.Count> earliestWithin(int days) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return census.since(today.minusDays(days)).stream().filter(count -> count.day().isBefore(today)).findFirst();
    }
}
