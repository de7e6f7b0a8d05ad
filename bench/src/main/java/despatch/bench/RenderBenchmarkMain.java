package despatch.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link RenderBenchmark} and prints the median milliseconds per article. One fork and one
 * thread: on a 2-core machine a second thread or fork would compete with the JIT and GC threads.
 * With --lambda-jit the fork also gets template.yaml's JAVA_TOOL_OPTIONS (C1 only), as Lambda does.
 */
public final class RenderBenchmarkMain {
    private static final Map<String, String> LABELS = Map.of(
            "parseAndRender", "parse + render",
            "parseOnly", "parse only",
            "renderOnly", "render only (email HTML, email text, web page)");

    private RenderBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(RenderBenchmark.class.getName() + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class) // bytes allocated per article: what drives GC in a small Lambda heap
                .shouldFailOnError(true);
        String jit = "JVM defaults (C1 + C2)";
        if (List.of(args).contains("--lambda-jit")) {
            LambdaJvmFlags flags = LambdaJvmFlags.read(RepoPaths.find().template());
            options.jvmArgsAppend(flags.asList().toArray(String[]::new));
            jit = flags.options() + " (" + flags.source() + ")";
        }
        String machine = MachineLoad.describe();
        print(new Runner(options.build()).run(), jit, machine);
    }

    private static void print(Collection<RunResult> results, String jit, String machine) {
        System.out.printf("%nDespatch render benchmark: %s, %d words, plain text, one thread%nJava %s, JIT: %s%nmachine before the run: %s%n",
                SampleArticle.FILE_NAME, SampleArticle.words(), Runtime.version(), jit, machine);
        System.out.printf("%-50s %12s %10s %10s %12s%n", "per article", "median ms", "p90 ms", "samples", "alloc MB");
        for (RunResult run : results) {
            String method = run.getParams().getBenchmark().substring(RenderBenchmark.class.getName().length() + 1);
            var stats = run.getPrimaryResult().getStatistics(); // microseconds, per RenderBenchmark's @OutputTimeUnit
            System.out.printf("%-50s %12.3f %10.3f %10d %12s%n", LABELS.getOrDefault(method, method),
                    stats.getPercentile(50) / 1000, stats.getPercentile(90) / 1000, stats.getN(), allocatedMb(run));
        }
    }

    private static String allocatedMb(RunResult run) {
        return run.getSecondaryResults().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(entry -> entry.getValue().getScore())
                .mapToObj(bytes -> String.format("%.2f", bytes / 1_000_000))
                .findFirst().orElse("n/a");
    }
}
