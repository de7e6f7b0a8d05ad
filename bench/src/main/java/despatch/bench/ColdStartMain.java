package despatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Cold start of PreviewFunction as deployed: five fresh JVMs on the shaded jar, each with the
 * flags template.yaml gives Lambda, each constructing the handler and serving one inline preview.
 * Prints every run and the medians. A fresh process per run is the point: JMH's warm loops
 * cannot see class loading, static initialisation or the first Thymeleaf template parse.
 */
public final class ColdStartMain {
    private static final int RUNS = 5;

    private ColdStartMain() {
    }

    public static void main(String[] args) throws Exception {
        RepoPaths paths = RepoPaths.find();
        require(paths.shadedJar(), "build it with: ./mvnw -B -pl bench -am package -DskipTests");
        require(paths.benchClasses().resolve("despatch/bench/ColdStartProbe.class"), "build the bench module");
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java binary is running"));
        // --flags="…" compares other settings against the template's, e.g. --flags=-XX:+TieredCompilation for full C2.
        LambdaJvmFlags flags = List.of(args).stream().filter(arg -> arg.startsWith("--flags=")).findFirst()
                .map(arg -> new LambdaJvmFlags(arg.substring("--flags=".length()), "--flags on the command line"))
                .orElseGet(() -> LambdaJvmFlags.read(paths.template()));
        // --sample-article: the benchmark's 1,200-word plain-text article instead of events/preview.json.
        PreviewRequestFile request = PreviewRequestFile.choose(paths, List.of(args).contains("--sample-article"));
        ColdStartLauncher launcher = new ColdStartLauncher(java, paths, flags, request.path());

        System.out.printf("Despatch cold start: PreviewFunction, %d fresh JVMs%n", RUNS);
        System.out.printf("java:    %s (%s)%n", java, Runtime.version());
        System.out.printf("flags:   JAVA_TOOL_OPTIONS=%s  [%s]%n", flags.options(), flags.source());
        System.out.printf("jar:     %s, %.2f MB%n", paths.root().relativize(paths.shadedJar()), megabytes(paths.shadedJar()));
        System.out.printf("request: %s%n", request.description());
        System.out.printf("machine: %s%n", MachineLoad.describe());
        // Not counted: the first start reads the JDK and the jar from disk; later ones find them in the page cache.
        print("warm-up", launcher.run());
        List<ColdStartLauncher.Run> runs = new ArrayList<>();
        for (int i = 1; i <= RUNS; i++) {
            runs.add(launcher.run());
            print("run " + i, runs.getLast());
        }
        System.out.printf("%-9s %9.0f %12.0f %13.0f %13.0f %15.0f%n", "median",
                median(runs, ColdStartLauncher.Run::wallMs), median(runs, ColdStartLauncher.Run::jvmToMainMs),
                median(runs, ColdStartLauncher.Run::constructMs), median(runs, ColdStartLauncher.Run::invokeMs),
                median(runs, ColdStartLauncher.Run::jvmToDoneMs));
        System.out.println("""
                wall: start() to process exit, seen by this JVM (includes teardown Lambda never pays);
                jvm-to-done: child JVM start to the completed invocation (the cold start a user waits for),
                = jvm-to-main (JVM boot) + construct (wiring: Thymeleaf engine, S3 client) + first invoke + a little.""");
    }

    private static void print(String label, ColdStartLauncher.Run run) {
        if (label.equals("warm-up")) {
            System.out.printf("%-9s %9s %12s %13s %13s %15s%n", "", "wall ms", "jvm-to-main", "construct ms", "1st invoke ms", "jvm-to-done ms");
        }
        System.out.printf("%-9s %9.0f %12d %13.0f %13.0f %15d%s%n", label, run.wallMs(), run.jvmToMainMs(),
                run.constructMs(), run.invokeMs(), run.jvmToDoneMs(), label.equals("warm-up") ? "   (not counted)" : "");
    }

    private static double median(List<ColdStartLauncher.Run> runs, ToDoubleFunction<ColdStartLauncher.Run> measure) {
        double[] values = runs.stream().mapToDouble(measure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double megabytes(Path file) throws IOException {
        return Files.size(file) / 1_000_000.0;
    }

    private static void require(Path file, String hint) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing; " + hint);
        }
    }
}
