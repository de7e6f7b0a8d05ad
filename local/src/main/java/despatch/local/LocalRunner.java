package despatch.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The ./despatch commands that run Despatch's own code: preview (no AWS), publish and demo
 * (the real PublishHandler against the local stack). The shell script handles up and down.
 */
public final class LocalRunner {
    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            fail("usage: LocalRunner preview FILE --out DIR | publish FILE... | demo DIR");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int status = switch (args[0]) {
            case "preview" -> PreviewCommand.run(rest);
            case "publish" -> new PublishCommand(System.getenv()).publishAll(rest.stream().map(Path::of).toList());
            case "demo" -> new PublishCommand(System.getenv()).demo(Path.of(rest.isEmpty() ? "local/samples" : rest.getFirst()));
            default -> {
                fail("unknown command " + args[0]);
                yield 2;
            }
        };
        System.exit(status);
    }

    static void fail(String message) {
        System.err.println("despatch: " + message);
        System.exit(2);
    }
}
