package despatch.subscription;

import java.time.LocalDate;

/** Counts events per key per day, refusing once a limit is reached. */
public interface DailyLimiter {
    /** @return true, counting one more, while the key has had fewer than {@code limit} today */
    boolean tryAcquire(String key, LocalDate day, int limit);
}
