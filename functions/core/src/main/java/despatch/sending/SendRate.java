package despatch.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One send worker's share of the rate: the account's SES rate, read from SES when first needed
 * and again every few minutes while it sends (so a raise SES grants is used without a redeploy),
 * capped by the office's own setting, and divided by the number of workers that may run at once
 * (the send queue's MaximumConcurrency), so that together they never exceed it.
 */
public final class SendRate {
    static final Duration REREAD = Duration.ofMinutes(5);

    private final SendingAccount account;
    private final double cap;
    private final int workers;
    private final Clock clock;
    /** Not a monitor: the read of SES under it must not pin the virtual threads that wait for it. */
    private final ReentrantLock lock = new ReentrantLock();
    private double accountRate;
    private Instant readAt;

    /** @param cap at most this many a second whatever SES allows (room for the office's other mail); 0 for no cap */
    public SendRate(SendingAccount account, double cap, int workers, Clock clock) {
        if (cap < 0 || workers < 1) {
            throw new IllegalArgumentException("a cap of " + cap + " a second over " + workers + " workers cannot be shared");
        }
        this.account = account;
        this.cap = cap;
        this.workers = workers;
        this.clock = clock;
    }

    /** Emails a second this worker may send now. */
    public double perWorker() {
        return total() / workers;
    }

    /** How many workers share the rate (the send queue's MaximumConcurrency). */
    public int workers() {
        return workers;
    }

    /** Emails a second all the workers together may send now: SES's rate, under the office's cap. */
    public double total() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (readAt == null || !now.isBefore(readAt.plus(REREAD))) {
                reread(now);
            }
            return cap > 0 ? Math.min(cap, accountRate) : accountRate;
        } finally {
            lock.unlock();
        }
    }

    private void reread(Instant now) {
        try {
            double read = account.quota().maxSendRate();
            if (!(read > 0)) {
                throw new IllegalStateException("SES reported a send rate of " + read);
            }
            accountRate = read;
        } catch (RuntimeException e) {
            if (readAt == null) {
                // Nothing known: better the batch fails and comes back than a guess sends faster than SES allows.
                throw e;
            }
            // A rate read before stands until the next try: SES's quota seldom changes, and never downwards by itself.
        }
        readAt = now;
    }
}
