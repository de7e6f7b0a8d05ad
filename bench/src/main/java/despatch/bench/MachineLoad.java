package despatch.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Printed with the results because timings on a shared machine are only as good as its idleness.
 * Read before a run only: during one, the average counts the run's own JIT and GC threads.
 */
final class MachineLoad {
    private MachineLoad() {
    }

    static String describe() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        String reading = load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
        String warning = load >= cores ? " (busy: other work will inflate the figures)" : "";
        return "1-minute load average " + reading + " on " + cores + " cores" + warning;
    }
}
