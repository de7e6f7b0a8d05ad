package despatch.local.checks;

import despatch.local.browser.BrowserTab;
import despatch.local.browser.Chromium;

/**
 * Every registered page served on loopback, and one headless Chromium tab to open them in: what a
 * browser-based check class starts once and closes at the end.
 */
final class PageBrowser implements AutoCloseable {
    final PageServer server;
    final BrowserTab tab;
    private final Chromium chromium;

    private PageBrowser(PageServer server, Chromium chromium) {
        this.server = server;
        this.chromium = chromium;
        this.tab = chromium.newTab();
    }

    /** Pages first: building them starts the local stack, which installs axe-core on a fresh clone. */
    static PageBrowser start() {
        PageServer server = PageServer.start(PageTypes.all());
        try {
            return new PageBrowser(server, Chromium.launchLoopbackOnly());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
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
