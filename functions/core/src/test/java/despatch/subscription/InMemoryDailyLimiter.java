package despatch.subscription;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryDailyLimiter implements DailyLimiter {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean tryAcquire(String key, LocalDate day, int limit) {
        String dayKey = key + "@" + day;
        int count = counts.getOrDefault(dayKey, 0);
        if (count >= limit) {
            return false;
        }
        counts.put(dayKey, count + 1);
        return true;
    }
}
