package despatch.sending;

import java.time.Instant;
import java.util.Collection;
import java.util.TreeMap;

/** The daily quota's reservations in memory, with the same versioned reserve as the DynamoDB item. */
final class InMemoryQuotaLedger implements QuotaLedger {
    private final TreeMap<Instant, Long> slots = new TreeMap<>();
    private long version;
    int writes;

    @Override
    public synchronized Reservations read() {
        return new Reservations(new TreeMap<>(slots), version);
    }

    @Override
    public synchronized boolean reserve(Instant slot, long count, long expected, Collection<Instant> expired) {
        if (version != expected) {
            return false;
        }
        expired.forEach(slots::remove);
        slots.merge(slot, count, Long::sum);
        version++;
        writes++;
        return true;
    }

    @Override
    public synchronized void giveBack(Instant slot, long count) {
        if (slots.containsKey(slot)) {
            slots.merge(slot, -count, Long::sum);
        }
    }

    synchronized long reserved() {
        return slots.values().stream().mapToLong(Long::longValue).sum();
    }
}
