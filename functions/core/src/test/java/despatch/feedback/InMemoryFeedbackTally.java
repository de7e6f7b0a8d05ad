package despatch.feedback;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Each day's bounces and complaints in a map. */
public final class InMemoryFeedbackTally implements FeedbackTally {
    private final Map<LocalDate, long[]> days = new TreeMap<>();

    @Override
    public synchronized void add(LocalDate day, int bounces, int complaints) {
        long[] counts = days.computeIfAbsent(day, d -> new long[2]);
        counts[0] += bounces;
        counts[1] += complaints;
    }

    @Override
    public synchronized Totals since(LocalDate firstDay) {
        long bounces = 0;
        long complaints = 0;
        for (Map.Entry<LocalDate, long[]> day : days.entrySet()) {
            if (!day.getKey().isBefore(firstDay)) {
                bounces += day.getValue()[0];
                complaints += day.getValue()[1];
            }
        }
        return new Totals(bounces, complaints);
    }
}
