package despatch.sending;

import java.time.Instant;
import java.util.Collection;
import java.util.SortedMap;

/**
 * Campaign sends reserved against the account's SES daily quota, counted in time slots, shared by
 * every fan-out and worker. {@link DailyQuota} decides; this only keeps the counts.
 */
public interface QuotaLedger {

    /** The counts per slot (by the slot's start) and the version a reservation must find unchanged. */
    record Reservations(SortedMap<Instant, Long> slots, long version) {
    }

    Reservations read();

    /**
     * Adds {@code count} to {@code slot} and drops the slots {@code expired}, if nothing changed
     * since {@code version} was read.
     *
     * @return false when another reservation came first: read again and decide again
     */
    boolean reserve(Instant slot, long count, long version, Collection<Instant> expired);

    /** Takes {@code count} off {@code slot}: reserved, never sent. Nothing, once the slot has gone. */
    void giveBack(Instant slot, long count);
}
