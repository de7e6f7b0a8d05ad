package despatch.console;

import java.util.List;
import java.util.Optional;

/**
 * Who did what, kept where entries can be added but never changed or removed: staff access to
 * constituents' data must be accountable after the fact.
 */
public interface AuditTrail {

    /** Adds the entry; an entry is never overwritten. */
    void record(AuditEntry entry);

    /**
     * Entries newest first.
     *
     * @param after the {@link Page#next()} of the page before, or empty for the newest
     * @param limit at most this many
     */
    Page newestFirst(Optional<String> after, int limit);

    /** One page of entries, and where the next begins (empty on the last). */
    record Page(List<AuditEntry> entries, Optional<String> next) {
        public Page {
            entries = List.copyOf(entries);
        }
    }
}
