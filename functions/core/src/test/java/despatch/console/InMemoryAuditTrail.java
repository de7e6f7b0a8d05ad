package despatch.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The audit trail in a list, for the console's unit tests. */
public final class InMemoryAuditTrail implements AuditTrail {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized Page newestFirst(Optional<String> after, int limit) {
        List<AuditEntry> newest = entries.reversed().stream().sorted(Comparator.comparing(AuditEntry::at).reversed()).toList();
        int from = after.map(Integer::parseInt).orElse(0);
        int to = Math.min(newest.size(), from + limit);
        return new Page(newest.subList(from, to), to < newest.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
