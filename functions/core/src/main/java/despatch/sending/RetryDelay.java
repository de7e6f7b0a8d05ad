package despatch.sending;

import java.time.Duration;

/**
 * How long a batch waits before its next try: throttling backs off exponentially from 15 seconds
 * to 5 minutes (the queue's own visibility timeout would wait 6 minutes every time); a paused
 * account waits 15 minutes, as staff must act before anything can go.
 */
public final class RetryDelay {
    private static final Duration FIRST = Duration.ofSeconds(15);
    private static final Duration LONGEST = Duration.ofMinutes(5);
    private static final Duration PAUSED = Duration.ofMinutes(15);

    private RetryDelay() {
    }

    /** @param receiveCount how often SQS has delivered the message, this time included (1 the first time) */
    public static Duration after(int receiveCount, boolean paused) {
        if (paused) {
            return PAUSED;
        }
        int doublings = Math.min(Math.max(receiveCount, 1) - 1, 10);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST) > 0 ? LONGEST : delay;
    }
}
