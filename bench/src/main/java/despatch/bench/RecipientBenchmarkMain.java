package despatch.bench;

import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link RecipientBenchmark} on one thread and prints recipients prepared per second per core
 * (from the median time per recipient). With --lambda-jit the fork gets template.yaml's
 * JAVA_TOOL_OPTIONS (C1 only), as Lambda does. Target: at least 20,000 a second.
 */
public final class RecipientBenchmarkMain {
    private RecipientBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(RecipientBenchmark.class.getName() + "\\.")
                .forks(1)
                .threads(1)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        String jit = "JVM defaults (C1 + C2)";
        if (List.of(args).contains("--lambda-jit")) {
            LambdaJvmFlags flags = LambdaJvmFlags.read(RepoPaths.find().template());
            options.jvmArgsAppend(flags.asList().toArray(String[]::new));
            jit = flags.options() + " (" + flags.source() + ")";
        }
        String machine = MachineLoad.describe();
        System.out.printf("%nDespatch recipient preparation: %s rendered once, one thread%nJava %s, JIT: %s%nmachine before the run: %s%n",
                SampleArticle.FILE_NAME, Runtime.version(), jit, machine);
        System.out.printf("%-58s %12s %10s %16s%n", "per recipient", "median µs", "p90 µs", "recipients/s");
        for (RunResult run : new Runner(options.build()).run()) {
            String method = run.getParams().getBenchmark().substring(RecipientBenchmark.class.getName().length() + 1);
            var stats = run.getPrimaryResult().getStatistics();
            String label = method.equals("personalise") ? "sign link, join both parts, headers"
                    : "the same + SESv2 SendEmailRequest";
            System.out.printf("%-58s %12.2f %10.2f %,16.0f%n", label, stats.getPercentile(50), stats.getPercentile(90),
                    1_000_000 / stats.getPercentile(50));
        }
    }
}
