package despatch.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The account's quota as last read, read again once it is older than {@code maxAge}. Fan-out's
 * daily count and its rate share one reading, so a fan-out asks SES once, not once for each. A
 * lock rather than a monitor around the read, so that no virtual thread waiting on it pins its carrier.
 */
public final class RecentSendQuota implements SendingAccount {
    private final SendingAccount account;
    private final Duration maxAge;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private SendQuota quota;
    private Instant readAt;

    public RecentSendQuota(SendingAccount account, Duration maxAge, Clock clock) {
        this.account = account;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public SendQuota quota() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (quota == null || !now.isBefore(readAt.plus(maxAge))) {
                quota = account.quota();
                readAt = now;
            }
            return quota;
        } finally {
            lock.unlock();
        }
    }
}
