package despatch.console;

import despatch.subscription.SubscriberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every suppressed address (a hard bounce, a complaint, an erasure), newest first, a page at a
 * time: what an admin reads to see why Despatch no longer mails someone. It holds no address:
 * the subscriber who had it, if they were not erased, says that.
 */
public interface SuppressionList {

    /** @param subscriberId who had the address when it was suppressed; empty after an erasure */
    record Entry(Instant at, SubscriberStatus reason, Optional<String> subscriberId) {
    }

    /** One page, and where the next begins (empty on the last). */
    record Page(List<Entry> entries, Optional<String> next) {
    }

    Page newestFirst(Optional<String> after, int limit);
}
