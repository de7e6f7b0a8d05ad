package despatch.console.web;

import despatch.console.ListCensus;
import despatch.console.ListCounts;
import despatch.console.web.ConsoleViews.ListRow;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Members per list as the dashboard and the subscribers page show them: now, and the change over the last 30 days. */
final class ListRows {
    static final int GROWTH_DAYS = 30;

    private final ListCounts counts;
    private final ConsoleFormat format;
    private final DateTimeFormatter day;

    ListRows(ListCounts counts, ConsoleFormat format) {
        this.counts = counts;
        this.format = format;
        this.day = DateTimeFormatter.ofPattern("d MMM", format.office().language());
    }

    /** The lists with their members, and (in {@code countedAt}) when they were counted. */
    Counted rows() {
        ListCensus.Count now = counts.current();
        Optional<ListCensus.Count> before = counts.earliestWithin(GROWTH_DAYS);
        List<ListRow> rows = format.office().lists().values().stream().map(list -> {
            long members = now.members().getOrDefault(list.id(), 0L);
            return new ListRow(list.id(), list.displayName(), format.count(members), growth(members, list.id(), before));
        }).toList();
        return new Counted(rows, format.time(now.countedAt()));
    }

    private String growth(long members, String listId, Optional<ListCensus.Count> before) {
        if (before.isEmpty() || !before.get().members().containsKey(listId)) {
            return "first counted today";
        }
        long change = members - before.get().members().get(listId);
        String since = " since " + day.format(before.get().day());
        return change == 0 ? "no change" + since : (change > 0 ? "+" : "−") + format.count(Math.abs(change)) + since;
    }

    record Counted(List<ListRow> rows, String countedAt) {
    }
}
