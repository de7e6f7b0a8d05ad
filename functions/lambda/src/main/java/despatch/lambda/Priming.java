package despatch.lambda;

import despatch.publish.Preview;
import despatch.publish.PreviewService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders a sample article once before the SnapStart snapshot, so that Thymeleaf's template
 * cache, the Markdown parser and the sanitiser are warm in every restored container.
 */
final class Priming {
    private static final String SAMPLE = "priming/article.md";

    private Priming() {
    }

    static Preview renderSample(PreviewService previews) {
        try (InputStream in = Priming.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the artifact");
            }
            return previews.preview("article.md", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
