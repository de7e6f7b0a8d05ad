package despatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Request times after a warm-up (negative rounds are not counted), shown as the median and quartiles in milliseconds. */
final class MedianTiming {
    private final List<Double> millis = new ArrayList<>();

    void time(int round, Runnable request) {
        long start = System.nanoTime();
        request.run();
        if (round >= 0) {
            millis.add((System.nanoTime() - start) / 1e6);
        }
    }

    @Override
    public String toString() {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        IntFunction<String> at = percent -> String.format("%.1f", sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)]);
        return at.apply(50) + " [" + at.apply(25) + "–" + at.apply(75) + "]";
    }
}
