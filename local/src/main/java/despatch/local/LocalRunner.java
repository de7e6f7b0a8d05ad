package despatch.local;

import despatch.local.serve.ServeCommand;
import despatch.local.stack.ProjectRoot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every ./despatch command that runs Despatch's own code, and the one place that checks
 * arguments and holds the usage text ({@link Usage}). The launcher keeps only what a shell must
 * do: find a JDK, build, start and stop the local stack ({@code up}, {@code down}), load its
 * environment, run the tests and the benchmarks. A command that needs the stack when none is
 * running exits with {@link #NEEDS_STACK}, its arguments already checked; the launcher then
 * starts the stack and runs it again.
 */
public final class LocalRunner {
    static final int USAGE_ERROR = 2;
    /** The launcher's cue to start the local stack and run the command again. */
    static final int NEEDS_STACK = 3;
    /** Set by the launcher once it has loaded a running stack's environment (the env file's path). */
    static final String STACK_ENVIRONMENT = "DESPATCH_STACK_ENV";
    /** The folder ./despatch was run from: relative paths are the caller's, though Java runs in the project's. */
    static final String CALLER_DIRECTORY = "DESPATCH_CALLER_DIR";

    private LocalRunner() {
    }

    /** What the command needs of the local stack. */
    enum Stack {
        NONE,
        /** Refused until the launcher has started it. */
        REQUIRED,
        /** Used when running, else the command hosts one itself. */
        OPTIONAL
    }

    @FunctionalInterface
    interface Action {
        /** @return the exit status */
        int run(Map<String, String> environment, boolean stackRunning) throws Exception;
    }

    /** A command with checked arguments, ready to run. */
    record Invocation(String command, Stack stack, Action action) {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) throws Exception {
        Invocation invocation;
        try {
            Path caller = Path.of(environment.getOrDefault(CALLER_DIRECTORY, "")).toAbsolutePath();
            invocation = parse(args, caller);
        } catch (UsageException e) {
            err.println("despatch: " + e.getMessage());
            String usage = e.command() == null ? null : Usage.of(e.command());
            err.print(usage != null ? usage + "\n" : Usage.text());
            return USAGE_ERROR;
        }
        if (invocation.command().equals("help")) {
            out.print(Usage.text());
            return 0;
        }
        boolean stackRunning = environment.containsKey(STACK_ENVIRONMENT);
        if (invocation.stack() == Stack.REQUIRED && !stackRunning) {
            return NEEDS_STACK;
        }
        return invocation.action().run(environment, stackRunning);
    }

    /** Checks the arguments of the command {@code args} names, before anything runs. */
    static Invocation parse(List<String> args, Path caller) throws UsageException {
        String command = args.isEmpty() ? "help" : args.getFirst();
        Arguments given = new Arguments(command, args.isEmpty() ? List.of() : args.subList(1, args.size()), caller);
        Invocation invocation = switch (command) {
            case "help", "-h", "--help" -> new Invocation("help", Stack.NONE, (environment, running) -> 0);
            case "preview" -> {
                Path file = given.file("FILE");
                given.word("--out");
                Path out = given.pathOf(given.value("DIR"));
                yield new Invocation(command, Stack.NONE, (environment, running) -> PreviewCommand.run(file, out));
            }
            case "publish" -> {
                List<Path> files = given.files("FILE");
                yield onStack(command, environment -> new PublishCommand(environment).publishAll(files));
            }
            case "demo" -> onStack(command, environment -> new PublishCommand(environment).demo(ProjectRoot.find().resolve("local/samples")));
            case "serve" -> {
                OptionalInt port = given.portOption("--port");
                yield new Invocation(command, Stack.OPTIONAL, (environment, running) -> ServeCommand.run(port, running, environment));
            }
            case "site" -> {
                given.word("rebuild");
                boolean rerender = given.flag("--rerender");
                yield onStack(command, environment -> SiteCommand.run(environment, rerender));
            }
            case "import" -> {
                Path file = given.file("FILE.csv");
                if (!file.getFileName().toString().endsWith(".csv")) {
                    // ImportFunction's trigger is imports/*.csv: anything else would never be imported.
                    throw new UsageException(command, "the file name must end in .csv (ImportFunction is triggered only by imports/*.csv): "
                            + file);
                }
                yield onStack(command, environment -> {
                    try (StackConnection stack = StackConnection.fromEnvironment(environment)) {
                        return new ImportCommand(stack).run(file);
                    }
                });
            }
            case "subscribers" -> {
                Optional<Path> file = given.pathOption("--out");
                given.word("export");
                String list = given.value("LIST");
                yield onStack(command, environment -> {
                    try (StackConnection stack = StackConnection.fromEnvironment(environment)) {
                        return new SubscribersCommand(stack, System.out).export(list, file);
                    }
                });
            }
            case "test-send" -> {
                Path file = given.file("FILE");
                yield onStack(command, environment -> TestSendCommand.run(file, environment));
            }
            case "campaigns" -> onStack(command, environment -> new CampaignsCommand(environment).list());
            case "campaign", "start", "cancel", "resend-unknown" -> {
                String id = given.value("the campaign's ID (see ./despatch campaigns)");
                yield onStack(command, environment -> new CampaignsCommand(environment).run(command, id));
            }
            case "up", "down", "build" -> {
                given.end();
                throw new UsageException(command, "the launcher runs '" + command + "' itself: ./despatch " + command);
            }
            default -> throw new UsageException(null, "unknown command '" + command + "'");
        };
        given.end();
        return invocation;
    }

    @FunctionalInterface
    private interface StackAction {
        int run(Map<String, String> environment) throws Exception;
    }

    private static Invocation onStack(String command, StackAction action) {
        return new Invocation(command, Stack.REQUIRED, (environment, running) -> action.run(environment));
    }
}
