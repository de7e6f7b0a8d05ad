package despatch.local.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code up [--state-dir DIR] [--parameter NAME=VALUE]…}: starts the local stack and keeps it up
 * until SIGTERM or SIGINT. {@code ./despatch up} runs this in the background; as a
 * {@link HostedStack} it writes {@code DIR/env} (shell exports of every endpoint and setting the
 * handlers need) and {@code DIR/stack.pid}, which {@code ./despatch down} kills.
 */
public final class StackMain {

    static final String READY_LINE = "Despatch local stack is up";

    /** A JVM setting for Lambda's cold start; exported into a shell it would slow every java command run there. */
    private static final String NOT_EXPORTED = "JAVA_TOOL_OPTIONS";

    private StackMain() {
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Returns only on failure (an exit code); once up, the process lives until it is signalled. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: StackMain up [--state-dir DIR] [--parameter NAME=VALUE]...");
            return 2;
        }
        Path projectRoot = ProjectRoot.find();
        Path stateDir = options.stateDir().orElse(projectRoot.resolve("local/.stack")).toAbsolutePath();
        try {
            HostedStack hosted = HostedStack.start(projectRoot, stateDir, options.parameters());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    hosted.close();
                } finally {
                    stopped.countDown();
                }
            }, "despatch-stack-shutdown"));

            exportLines(environment(hosted.stack())).forEach(out::println);
            out.println(READY_LINE);
            out.flush();
            err.printf("Started in %d ms. State in %s; published files under %s%n",
                    hosted.stack().startupTime().toMillis(), stateDir, stateDir.resolve("s3"));
            stopped.await();
            return 0;
        } catch (HostedStack.AlreadyRunningException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("The local stack did not start: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * What the env file exports: region, key pair, endpoints, and every function's resolved
     * settings (the union; the functions share values such as UPLOADS_BUCKET).
     */
    static Map<String, String> environment(LocalAwsStack stack) {
        Map<String, String> environment = new LinkedHashMap<>(stack.awsEnvironment());
        for (String function : stack.template().functionIds()) {
            stack.environmentFor(function).forEach(environment::putIfAbsent);
        }
        environment.remove(NOT_EXPORTED);
        return environment;
    }

    static List<String> exportLines(Map<String, String> environment) {
        List<String> lines = new ArrayList<>();
        environment.forEach((name, value) -> lines.add("export " + name + "=" + shellQuote(value)));
        return lines;
    }

    /** Single quotes keep everything literal; a single quote itself is closed, escaped and reopened. */
    static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    record Options(Optional<Path> stateDir, Map<String, String> parameters) {

        static Options parse(String[] args) {
            if (args.length == 0 || !args[0].equals("up")) {
                throw new IllegalArgumentException("Expected the command 'up'");
            }
            Path stateDir = null;
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--state-dir" -> stateDir = Path.of(value);
                    case "--parameter" -> {
                        int equals = value.indexOf('=');
                        if (equals <= 0) {
                            throw new IllegalArgumentException("--parameter takes NAME=VALUE, got: " + value);
                        }
                        parameters.put(value.substring(0, equals), value.substring(equals + 1));
                    }
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            return new Options(Optional.ofNullable(stateDir), parameters);
        }
    }
}
