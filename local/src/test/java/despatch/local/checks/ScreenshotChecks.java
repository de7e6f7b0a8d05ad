package despatch.local.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.local.browser.BrowserTab;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole-page screenshots of an article page (and one with a photograph and a table), of the email HTML (both), of the
 * home page and of the staff console's dashboard and one campaign, at a phone's and a desktop's
 * width, light and dark, written to local/target/screenshots/ for a person to look over. Run by
 * {@link PageChecksTest}.
 */
abstract class ScreenshotChecks {
    /** The file name's first part, and the page type it shows. */
    private static final Map<String, String> SHOTS = Map.of("article", "article-newsletter", "email", "email-newsletter",
            "home", "home", "console-dashboard", "console-dashboard", "console-campaign", "console-campaign",
            "article-photo-table", "article-newsletter-with-photo", "email-photo-table", "email-newsletter-with-photo");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static PageBrowser browser;
    private static BrowserTab tab;
    private static final Screenshots SCREENSHOTS = new Screenshots();

    @BeforeAll
    static void start() {
        browser = PageBrowser.shared();
        tab = browser.newTab();
    }

    static List<Arguments> shots() {
        List<Arguments> shots = new ArrayList<>();
        for (String shot : List.of("article", "email", "home", "console-dashboard", "console-campaign", "article-photo-table",
                "email-photo-table")) {
            for (int width : List.of(Screenshots.PHONE, Screenshots.DESKTOP)) {
                for (ColourScheme scheme : ColourScheme.values()) {
                    shots.add(Arguments.of(shot, width, scheme));
                }
            }
        }
        return shots;
    }

    @ParameterizedTest(name = "{0} at {1} px, {2}")
    @MethodSource("shots")
    void writesAWholePageScreenshot(String shot, int width, ColourScheme scheme) throws IOException {
        Path file = SCREENSHOTS.take(tab, browser.server.url(PageTypes.named(SHOTS.get(shot))), shot, width, scheme);

        assertEquals(shot + "-" + width + "-" + scheme.cssValue() + ".png", file.getFileName().toString());
        byte[] png = Files.readAllBytes(file);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, PNG_SIGNATURE.length), file + " is a PNG");
        // IHDR is always the first chunk: width and height follow its length and type.
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        int pngWidth = header.getInt();
        int pngHeight = header.getInt();
        assertEquals(width, pngWidth, "one image pixel per CSS pixel of the screen's width");
        int pageHeight = tab.evaluate("document.documentElement.scrollHeight").asInt();
        assertTrue(pngHeight >= pageHeight, "the whole page (" + pageHeight + " px), not only the first screen: " + pngHeight + " px");
    }
}
