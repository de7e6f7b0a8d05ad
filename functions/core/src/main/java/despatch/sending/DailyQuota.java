package despatch.sending;

import despatch.common.ConcurrentChangeException;
import despatch.common.OptimisticRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The account's SES daily quota (any 24 hours), shared by every campaign: fan-out reserves each
 * page's recipients before it enqueues them, and gets only what fits. What is left is the quota
 * less the larger of what SES counts as sent in the last 24 hours (everything on the account) and
 * what Despatch has reserved in that time (exact, and current to the moment, where SES's figure
 * lags a send or two). Reservations are counted in 10-minute slots; a slot counts until all of it is
 * more than 24 hours old and one slot more (a send goes some minutes after fan-out reserved it), so
 * nothing frees up before SES would free it.
 */
public final class DailyQuota {
    static final Duration SLOT = Duration.ofMinutes(10);
    static final Duration DAY = Duration.ofHours(24);
    /** How long after its start a slot's reservations count. */
    static final Duration COUNTED = DAY.plus(SLOT.multipliedBy(2));
    /** When only other mail fills the quota, Despatch cannot say when it frees up: it looks again after this. */
    static final Duration LOOK_AGAIN = Duration.ofHours(1);

    private final SendingAccount account;
    private final QuotaLedger ledger;
    private final Clock clock;

    /**
     * What a reservation got.
     *
     * @param granted    how many may be sent now, in order from the first wanted
     * @param slot       the slot they were counted in, for giving back what is never sent; null when nothing was counted
     * @param freesAt    about when more frees up, when fewer were granted than wanted; otherwise null
     * @param dailyQuota the account's quota for any 24 hours; -1 for none
     */
    public record Grant(int granted, Instant slot, Instant freesAt, long dailyQuota) {
    }

    /**
     * @param account asked at each reservation: a {@link RecentSendQuota} keeps SES from being asked
     *     each time (Despatch's own reservations are current between its reads)
     */
    public DailyQuota(SendingAccount account, QuotaLedger ledger, Clock clock) {
        this.account = account;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Up to {@code wanted} sends, counted against the quota now. */
    public Grant reserve(int wanted) {
        Instant now = clock.instant();
        SendQuota current = account.quota();
        if (!current.hasDailyLimit() || wanted == 0) {
            // Nothing counted, so nothing to give back.
            return new Grant(wanted, null, null, (long) current.max24HourSend());
        }
        return OptimisticRetry.retrying(() -> tryReserve(wanted, current, now));
    }

    /** Reserved sends that never went to SES (suppressed, refused by SES): they count no more. */
    public void giveBack(Instant slot, int count) {
        if (slot != null && count > 0) {
            ledger.giveBack(slot, count);
        }
    }

    private Grant tryReserve(int wanted, SendQuota current, Instant now) {
        QuotaLedger.Reservations reservations = ledger.read();
        Instant windowStart = now.minus(COUNTED);
        long ours = 0;
        Instant oldest = null;
        List<Instant> expired = new ArrayList<>();
        for (Map.Entry<Instant, Long> slot : reservations.slots().entrySet()) {
            if (!slot.getKey().isAfter(windowStart)) {
                expired.add(slot.getKey());
            } else if (slot.getValue() > 0) {
                ours += slot.getValue();
                oldest = oldest == null ? slot.getKey() : oldest;
            }
        }
        double used = Math.max(current.sentLast24Hours(), ours);
        long left = Math.max(0, (long) Math.floor(current.max24HourSend() - used));
        int granted = (int) Math.min(wanted, left);
        Instant slot = slotOf(now);
        if (granted > 0 && !ledger.reserve(slot, granted, reservations.version(), expired)) {
            throw new ConcurrentChangeException("the daily quota's reservations changed since version " + reservations.version());
        }
        if (granted > 0) {
            // What this reservation took frees up in its turn, if nothing older does first.
            oldest = oldest == null ? slot : oldest;
            ours += granted;
        }
        Instant freesAt = granted == wanted ? null : freesAt(oldest, ours, current, now);
        return new Grant(granted, slot, freesAt, (long) current.max24HourSend());
    }

    /**
     * When Despatch's own oldest reservations leave the 24 hours; if other mail fills the quota
     * instead, an hour from now, to look again.
     */
    private static Instant freesAt(Instant oldest, long ours, SendQuota current, Instant now) {
        if (oldest == null || current.sentLast24Hours() > ours) {
            return now.plus(LOOK_AGAIN);
        }
        Instant frees = oldest.plus(COUNTED);
        return frees.isAfter(now) ? frees : now.plus(SLOT);
    }

    static Instant slotOf(Instant now) {
        long seconds = SLOT.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }
}
