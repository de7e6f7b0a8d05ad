package despatch.sending;

import java.time.Duration;

/**
 * How long a batch's unsent recipients wait before their next try: throttling backs off
 * exponentially (15 seconds doubling to 15 minutes by default); a paused or held campaign's wait
 * the longest, as staff must act before anything can go. SQS delays a message by at most 15 minutes.
 */
public final class RetryDelay {
    private static final Duration SQS_LIMIT = Duration.ofMinutes(15);
    public static final RetryDelay DEFAULT = new RetryDelay(Duration.ofSeconds(15), Duration.ofMinutes(15));

    private final Duration first;
    private final Duration longest;

    public RetryDelay(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest.compareTo(SQS_LIMIT) > 0 ? SQS_LIMIT : longest;
    }

    /** @param attempt the try that just failed (1 the first time) */
    public Duration after(int attempt, boolean waitingForStaff) {
        if (waitingForStaff) {
            return longest;
        }
        int doublings = Math.min(Math.max(attempt, 1) - 1, 20);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
