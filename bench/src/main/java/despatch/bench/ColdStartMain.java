package despatch.bench;

import despatch.local.stack.LocalAwsStack;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Cold start of every function as deployed: for each, N fresh JVMs on the shaded jar with the
 * flags template.yaml gives Lambda, each constructing the handler and serving one realistic
 * request against the local stack; then N more that run the handler's priming first (what
 * SnapStart does before its snapshot) and time the first request after it. Prints every run and
 * the medians. A fresh process per run is the point: warm loops cannot see class loading, static
 * initialisation or the first template parse.
 *
 * <p>Options: {@code --runs=N} (default 5), {@code --only=Preview,Subscription}, {@code --flags="…"}
 * (instead of template.yaml's JAVA_TOOL_OPTIONS), {@code --sample-article} (Preview: the 1,200-word sample),
 * {@code --jar=PATH} (another build of the shaded jar), {@code --baseline=PATH} (a previous build, measured run for run
 * alongside, so that a comparison on a busy machine sees the same load).
 */
public final class ColdStartMain {
    private static final int DEFAULT_RUNS = 5;

    private ColdStartMain() {
    }

    public static void main(String[] args) throws Exception {
        RepoPaths paths = RepoPaths.find();
        require(paths.shadedJar(), "build it with: ./mvnw -B -pl bench -am package -DskipTests");
        require(paths.benchClasses().resolve("despatch/bench/ColdStartProbe.class"), "build the bench module");
        List<String> arguments = List.of(args);
        int runs = arguments.stream().filter(a -> a.startsWith("--runs=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--runs=".length()))).orElse(DEFAULT_RUNS);
        List<String> only = arguments.stream().filter(a -> a.startsWith("--only=")).findFirst()
                .map(a -> List.of(a.substring("--only=".length()).split(","))).orElse(List.of());
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java binary is running"));
        LambdaJvmFlags flags = arguments.stream().filter(arg -> arg.startsWith("--flags=")).findFirst()
                .map(arg -> new LambdaJvmFlags(arg.substring("--flags=".length()), "--flags on the command line"))
                .orElseGet(() -> LambdaJvmFlags.read(paths.template()));
        Path jar = arguments.stream().filter(a -> a.startsWith("--jar=")).findFirst()
                .map(a -> Path.of(a.substring("--jar=".length())).toAbsolutePath()).orElse(paths.shadedJar());
        // --baseline=PATH: another build, measured run for run alongside, so that both see the same load.
        List<Build> builds = new ArrayList<>();
        arguments.stream().filter(a -> a.startsWith("--baseline=")).findFirst()
                .ifPresent(a -> builds.add(new Build("baseline", Path.of(a.substring("--baseline=".length())).toAbsolutePath())));
        builds.add(new Build(builds.isEmpty() ? "" : "this", jar));
        PreviewRequestFile preview = PreviewRequestFile.choose(paths, arguments.contains("--sample-article"));

        PrintStream out = System.out;
        out.printf("Despatch cold start: every function, %d fresh JVMs each, then %d primed%n", runs, runs);
        out.printf("java:    %s (%s)%n", java, Runtime.version());
        out.printf("flags:   JAVA_TOOL_OPTIONS=%s  [%s]%n", flags.options(), flags.source());
        for (Build build : builds) {
            out.printf(Locale.ROOT, "jar:     %s%s, %.2f MB%n", build.label().isEmpty() ? "" : build.label() + " = ", build.jar(),
                    Files.size(build.jar()) / 1e6);
        }
        out.printf("machine: %s%n", MachineLoad.describe());
        List<String[]> summary = new ArrayList<>();
        try (LocalAwsStack stack = LocalAwsStack.start()) {
            // The handlers in this JVM log their JSON lines; the setup's are not what is measured.
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            ColdStartEvents events = new ColdStartEvents(stack, paths);
            List<ColdStartEvents.Case> cases = events.cases(preview.path());
            System.setOut(out);
            for (ColdStartEvents.Case measured : cases) {
                String name = measured.function().name().replace("Function", "");
                if (!only.isEmpty() && !only.contains(name) && !only.contains(measured.function().name())) {
                    continue;
                }
                List<ColdStartLauncher> launchers = builds.stream().map(build -> new ColdStartLauncher(java, build.jar(), paths,
                        paths.runtimeJars(), flags, events.environmentFor(measured.function()))).toList();
                summary.addAll(measure(out, measured, builds, launchers, runs));
            }
        } finally {
            System.setOut(out);
        }
        out.println();
        out.printf("%-22s %17s %14s %22s%n", "function", "fresh JVM → done", "construct ms", "1st after priming ms");
        summary.forEach(row -> out.printf("%-22s %17s %14s %22s%n", (Object[]) row));
        out.println("""
                fresh JVM → done: child JVM start to the completed first request, less the runtime's event decoding (medians);
                1st after priming: the first request after the handler's beforeCheckpoint, as a SnapStart-restored container serves it.""");
        System.exit(0); // the emulators are stopped; SDK and ElasticMQ threads must not hold the JVM
    }

    /** A shaded jar to measure, and how its lines are marked when two are compared. */
    private record Build(String label, Path jar) {
    }

    private static List<String[]> measure(PrintStream out, ColdStartEvents.Case measured, List<Build> builds,
            List<ColdStartLauncher> launchers, int runs) throws IOException, InterruptedException {
        out.printf("%n%s (%s), event %s%n", measured.function(), measured.handlerClass(), measured.event());
        out.printf("%-18s %-7s %12s %13s %9s %10s %15s%n", "", "", "jvm-to-main", "construct ms", "prime ms", "invoke ms", "jvm-to-done ms");
        int[] run = {0};
        List<List<ColdStartLauncher.Run>> fresh = new ArrayList<>();
        List<List<ColdStartLauncher.Run>> primed = new ArrayList<>();
        for (int b = 0; b < builds.size(); b++) {
            // Not counted: the first start reads the JDK and the jar from disk; later ones find them in the page cache.
            print(out, label("warm-up", builds.get(b)), "fresh", attempt(out, measured, launchers.get(b), run, false));
            fresh.add(new ArrayList<>());
            primed.add(new ArrayList<>());
        }
        for (int i = 1; i <= runs; i++) {
            for (boolean priming : new boolean[] {false, true}) {
                for (int b = 0; b < builds.size(); b++) {
                    List<ColdStartLauncher.Run> runsOf = (priming ? primed : fresh).get(b);
                    runsOf.add(attempt(out, measured, launchers.get(b), run, priming));
                    print(out, label("run " + i, builds.get(b)), priming ? "primed" : "fresh", runsOf.getLast());
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (int b = 0; b < builds.size(); b++) {
            List<ColdStartLauncher.Run> f = fresh.get(b);
            List<ColdStartLauncher.Run> p = primed.get(b);
            double jvmToDone = median(f, ColdStartLauncher.Run::jvmToDoneMs);
            double construct = median(f, ColdStartLauncher.Run::constructMs);
            double afterPriming = median(p, ColdStartLauncher.Run::invokeMs);
            String median = label("median", builds.get(b));
            out.printf(Locale.ROOT, "%-18s fresh   %12.0f %13.0f %9s %10.0f %15.0f%n", median, median(f, ColdStartLauncher.Run::jvmToMainMs),
                    construct, "", median(f, ColdStartLauncher.Run::invokeMs), jvmToDone);
            out.printf(Locale.ROOT, "%-18s primed  %12s %13s %9.0f %10.1f%n", median, "", "", median(p, ColdStartLauncher.Run::primeMs),
                    afterPriming);
            rows.add(new String[] {label(measured.function().name().replace("Function", ""), builds.get(b)),
                    String.format(Locale.ROOT, "%.0f ms", jvmToDone), String.format(Locale.ROOT, "%.0f", construct),
                    String.format(Locale.ROOT, "%.1f", afterPriming)});
        }
        return rows;
    }

    private static String label(String text, Build build) {
        return build.label().isEmpty() ? text : text + " (" + build.label() + ")";
    }

    /** One run on a new event; tried once more when it fails (an emulator can drop a request on a busy machine), then fails. */
    private static ColdStartLauncher.Run attempt(PrintStream out, ColdStartEvents.Case measured, ColdStartLauncher launcher, int[] run,
            boolean primed) throws IOException, InterruptedException {
        try {
            return check(measured, launcher.run(measured.handlerClass(), measured.eventFor().apply(run[0]++), primed));
        } catch (IllegalStateException e) {
            String first = e.getMessage().lines().filter(line -> line.contains("Exception")).findFirst().orElse(e.getMessage());
            out.println("  (run failed, tried again on a new event: " + first.substring(0, Math.min(first.length(), 160)) + ")");
            return check(measured, launcher.run(measured.handlerClass(), measured.eventFor().apply(run[0]++), primed));
        }
    }

    private static ColdStartLauncher.Run check(ColdStartEvents.Case measured, ColdStartLauncher.Run run) {
        if (!measured.succeeded().test(run.response())) {
            throw new IllegalStateException(measured.function() + " did not succeed: "
                    + run.response().substring(0, Math.min(run.response().length(), 2000)));
        }
        return run;
    }

    private static void print(PrintStream out, String label, String mode, ColdStartLauncher.Run run) {
        out.printf(Locale.ROOT, "%-18s %-7s %12d %13.0f %9s %10.1f %15.0f%s%n", label, mode, run.jvmToMainMs(), run.constructMs(),
                mode.equals("primed") ? String.format(Locale.ROOT, "%.0f", run.primeMs()) : "", run.invokeMs(), run.jvmToDoneMs(),
                label.startsWith("warm-up") ? "   (not counted)" : "");
    }

    private static double median(List<ColdStartLauncher.Run> runs, ToDoubleFunction<ColdStartLauncher.Run> measure) {
        double[] values = runs.stream().mapToDouble(measure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void require(Path file, String hint) {
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing; " + hint);
        }
    }
}
