package despatch.local;

import despatch.local.serve.ServeCommand;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The ./despatch commands that run Despatch's own code: preview (no AWS), publish and demo
 * (the real PublishHandler against the local stack), serve (the real SubscriptionHandler behind
 * a local stand-in for API Gateway), import (the real ImportHandler) and subscribers export.
 * The shell script handles up and down.
 */
public final class LocalRunner {
    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            fail("usage: LocalRunner preview FILE --out DIR | publish FILE... | demo DIR | serve [--port N] [--state-dir DIR]"
                    + " | import FILE.csv | subscribers export LIST [--out FILE] | site rebuild");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        int status = switch (args[0]) {
            case "preview" -> PreviewCommand.run(rest);
            case "publish" -> new PublishCommand(System.getenv()).publishAll(rest.stream().map(Path::of).toList());
            case "campaigns", "campaign", "start", "cancel", "resend-unknown" -> new CampaignsCommand(System.getenv()).run(args[0], rest);
            case "test-send" -> TestSendCommand.run(Path.of(rest.getFirst()), System.getenv());
            case "demo" -> new PublishCommand(System.getenv()).demo(Path.of(rest.isEmpty() ? "local/samples" : rest.getFirst()));
            case "serve" -> ServeCommand.run(rest, System.getenv());
            case "site" -> SiteCommand.run(rest, System.getenv());
            case "import" -> {
                try (StackConnection stack = StackConnection.fromEnvironment(System.getenv())) {
                    yield new ImportCommand(stack).run(rest);
                }
            }
            case "subscribers" -> {
                try (StackConnection stack = StackConnection.fromEnvironment(System.getenv())) {
                    yield new SubscribersCommand(stack, System.out).run(rest);
                }
            }
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
