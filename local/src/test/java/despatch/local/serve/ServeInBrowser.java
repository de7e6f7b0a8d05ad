package despatch.local.serve;

import despatch.local.StackConnection;
import despatch.local.browser.BrowserTab;
import despatch.local.browser.Chromium;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a browser test of {@code ./despatch serve} stands on: headless Chromium, its own local
 * stack, the server in front of it, the background work serve runs beside the server, and one tab.
 * Everything is closed in the reverse of the order it started, each part even when another fails
 * to close (or to start), so a failing test leaves no emulator or browser running.
 */
final class ServeInBrowser implements AutoCloseable {
    /** The part of serve's background work a test needs, started against the test's stack. */
    @FunctionalInterface
    interface Beside {
        AutoCloseable start(LocalAwsStack stack) throws Exception;
    }

    private final Deque<AutoCloseable> started;
    final LocalAwsStack stack;
    final LocalWebServer server;
    final BrowserTab tab;

    private ServeInBrowser(Deque<AutoCloseable> started, LocalAwsStack stack, LocalWebServer server, BrowserTab tab) {
        this.started = started;
        this.stack = stack;
        this.server = server;
        this.tab = tab;
    }

    static ServeInBrowser start(Beside beside) throws Exception {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Chromium chromium = startedIn(started, Chromium.launch());
            LocalAwsStack stack = startedIn(started, LocalAwsStack.start());
            LocalWebServer server = startedIn(started, LocalWebServer.startApi(StackConnection.to(stack), stack.template(), ProjectRoot.find(), 0));
            startedIn(started, beside.start(stack));
            return new ServeInBrowser(started, stack, server, chromium.newTab());
        } catch (Exception | Error e) {
            closeAll(started, e);
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        Exception failed = new Exception("closing what the browser test started");
        closeAll(started, failed);
        if (failed.getSuppressed().length > 0) {
            throw failed;
        }
    }

    private static <T extends AutoCloseable> T startedIn(Deque<AutoCloseable> started, T closeable) {
        started.push(closeable);
        return closeable;
    }

    /** Closes all of them, newest first; each failure is kept on {@code problems} rather than stopping the rest. */
    private static void closeAll(Deque<AutoCloseable> started, Throwable problems) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                problems.addSuppressed(e);
            }
        }
    }
}
