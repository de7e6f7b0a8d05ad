package despatch.local.checks;

import org.junit.jupiter.api.Nested;

/**
 * The checks of every page type, nested in one class so that they run in one test JVM: building
 * the pages (a local stack, the subscription flow, a published site) and starting Chromium happen
 * once for all three, not once in each surefire fork that happens to pick one of them up.
 */
class PageChecksTest {

    @Nested
    class Accessibility extends AxeChecks {
    }

    @Nested
    class HtmlConformance extends NuHtmlChecks {
    }

    @Nested
    class WholePageScreenshots extends ScreenshotChecks {
    }
}
