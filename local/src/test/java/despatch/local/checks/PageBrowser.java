package despatch.local.checks;

import despatch.local.browser.BrowserTab;
import despatch.local.browser.Chromium;
import java.util.concurrent.CompletableFuture;

/**
 * Every registered page served on loopback, and a headless Chromium to open them in: the
 * browser-based check classes share one, started on first use and closed when the JVM exits,
 * each with a tab of its own so that one's screen size or colour scheme never reaches another.
 */
final class PageBrowser implements AutoCloseable {
    private static PageBrowser shared;

    final PageServer server;
    private final Chromium chromium;

    private PageBrowser(PageServer server, Chromium chromium) {
        this.server = server;
        this.chromium = chromium;
    }

    /** The one the check classes share. */
    static synchronized PageBrowser shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "page-browser-shutdown"));
        }
        return shared;
    }

    /** Chromium starts while the pages are built (a local stack and a published site: the longer of the two). */
    private static PageBrowser start() {
        CompletableFuture<Chromium> chromium = CompletableFuture.supplyAsync(Chromium::launchLoopbackOnly);
        PageServer server;
        try {
            server = PageServer.start(PageTypes.all());
        } catch (RuntimeException e) {
            chromium.thenAccept(Chromium::close);
            throw e;
        }
        try {
            return new PageBrowser(server, chromium.join());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    BrowserTab newTab() {
        return chromium.newTab();
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            server.close();
        }
    }
}
