package despatch.local.serve;

import despatch.local.StackConnection;
import despatch.local.queue.BucketNotifications;
import despatch.local.queue.QueueConsumers;
import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.ConsoleSignInNote;
import despatch.local.stack.HostedStack;
import despatch.local.stack.ProjectRoot;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./despatch serve [--port N]}: the subscription pages and the published site on 127.0.0.1
 * until Ctrl-C. With the stack {@code ./despatch up} runs (its env file is in the environment) it
 * serves on the port that stack links to ({@link ServeAddress}); otherwise it hosts a stack on the
 * project's local/.stack itself, for as long as it serves, given this server's address, and other
 * commands can use that stack meanwhile. Either way every link in pages and emails leads here.
 */
public final class ServeCommand {
    /** Where ./despatch up keeps the stack's data, so a stack serve hosts is the same one. */
    private static final String STATE_DIR = "local/.stack";

    private ServeCommand() {
    }

    /**
     * @param stackRunning whether {@code environment} holds a running stack's settings
     * @return the exit status: 0 after Ctrl-C, 2 when it cannot serve where asked
     */
    public static int run(OptionalInt requestedPort, boolean stackRunning, Map<String, String> environment)
            throws IOException, InterruptedException {
        ServeAddress address;
        try {
            address = stackRunning ? ServeAddress.forRunningStack(requestedPort, environment.getOrDefault("PUBLIC_API_URL", ""))
                    : ServeAddress.forOwnStack(requestedPort);
        } catch (ServeAddress.ElsewhereException e) {
            return fail(e.getMessage());
        }
        int port = address.port();
        // Checked before the stack starts, so a busy port costs no emulator start-up.
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (BindException e) {
            return fail("port " + port + " on 127.0.0.1 is in use; choose another with --port N");
        }

        Path root = ProjectRoot.find();
        String ownAddress = address.url();
        HostedStack hosted = null;
        StackConnection stack;
        CloudFormationTemplate template;
        if (!stackRunning) {
            try {
                // Pages published through this stack link to this server's subscribe form.
                hosted = HostedStack.start(root, root.resolve(STATE_DIR), Map.of("PublicApiUrl", ownAddress, "SiteBaseUrl", ownAddress));
            } catch (HostedStack.AlreadyRunningException e) {
                return fail(e.getMessage());
            }
            stack = StackConnection.to(hosted.stack());
            template = hosted.stack().template();
        } else {
            stack = StackConnection.fromEnvironment(environment);
            template = CloudFormationTemplate.load(root.resolve("template.yaml"));
        }

        LocalWebServer server;
        try {
            server = LocalWebServer.startApi(stack, template, root, port);
        } catch (IOException | RuntimeException e) {
            stack.close();
            if (hosted != null) {
                hosted.close();
            }
            return fail("could not serve on " + ownAddress + ": " + e.getMessage());
        }
        // The send path runs too: what is published or confirmed while serving is sent, as in AWS.
        QueueConsumers consumers = (hosted != null ? QueueConsumers.forStack(hosted.stack())
                : QueueConsumers.fromEnvironment(environment, root)).start();
        // And uploads under articles/ (from the console's Publish, or any S3 client) publish, as S3 notifies PublishFunction in AWS.
        BucketNotifications uploads = (hosted != null ? BucketNotifications.forPublishing(hosted.stack())
                : BucketNotifications.forPublishing(stack, root)).start();
        BucketNotifications imports = (hosted != null ? BucketNotifications.forImports(hosted.stack())
                : BucketNotifications.forImports(stack, root)).start();
        CountDownLatch stopped = new CountDownLatch(1);
        HostedStack ownStack = hosted;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                uploads.close();
                imports.close();
                consumers.close();
                server.close();
                stack.close();
                if (ownStack != null) {
                    ownStack.close();
                }
            } finally {
                System.err.println("despatch serve: stopped" + (ownStack != null ? ", and the local stack it started" : "") + ".");
                stopped.countDown();
            }
        }, "despatch-serve-shutdown"));

        printWelcome(server, stack, hosted, hosted != null ? ConsoleSignInNote.read(hosted.stateDir())
                : ConsoleSignInNote.read(root.resolve(STATE_DIR)));
        stopped.await();
        return 0;
    }

    private static void printWelcome(LocalWebServer server, StackConnection stack, HostedStack hosted, Optional<String> consoleSignIn) {
        String base = server.baseUrl().toString();
        System.out.println("Despatch is serving SubscriptionFunction and ConsoleFunction as API Gateway would, on " + base);
        System.out.println("  routes (from template.yaml): " + String.join(", ", server.routeKeys()));
        System.out.println();
        System.out.println("  Subscribe:           " + base + "/subscribe");
        System.out.println("  The site:            " + base + "/  (home, /press-releases/, /newsletters/, /archive/, /feeds/all.xml;"
                + " any GET the API does not answer is read from the site bucket, as S3 website hosting serves it)");
        System.out.println("  Emails sent (SES):   " + stack.sesEndpoint().resolve("/") + "  (the SES emulator's inbox; confirmation links lead back here)");
        consoleSignIn.ifPresent(note -> System.out.print("  " + note.replace("\n  ", "\n    ")));
        if (hosted != null) {
            System.out.println("  Local stack:         started here, data in " + hosted.stateDir() + "; it stops with this server");
        } else {
            System.out.println("  Local stack:         the one ./despatch up runs");
        }
        if (server.siteLinksElsewhere()) {
            System.out.println("  Note: the pages published earlier link to another port, where a server ran then; publish them"
                    + " again (./despatch demo, ./despatch publish FILE) for links to " + base + ".");
        }
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
    }

    private static int fail(String message) {
        System.err.println("despatch: " + message);
        return 2;
    }
}
