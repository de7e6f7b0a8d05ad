package despatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The article every measure uses: an MP's winter newsletter of about 1,200 words, typed as plain
 * text the way offices send it (title line, "… is MP for …" byline, curly quotes, dashes, £,
 * web addresses, one hand-broken address block), so parsing takes the same paths as real uploads.
 */
final class SampleArticle {
    /** .txt, so the parser takes the plain-text path; the name also stands in for the upload key. */
    static final String FILE_NAME = "winter-newsletter.txt";
    static final String TITLE = "Winter in Llanfair: the 42 bus saved, flood defences and help with energy bills";
    static final String BYLINE = "Jane Smith is MP for Llanfair.";

    private SampleArticle() {
    }

    static byte[] bytes() {
        try (InputStream in = SampleArticle.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IllegalStateException(FILE_NAME + " is missing from bench/target/classes; rebuild the bench module");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int words() {
        return new String(bytes(), StandardCharsets.UTF_8).strip().split("\\s+").length;
    }
}
