package despatch.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The office's default social card, templates/site/social-card.png (1200×630): what a shared link
 * to the home page, a listing or an article without a photograph of its own shows. An office
 * replaces it with its own design, as it does the templates.
 */
final class DefaultCard {
    static final String RESOURCE = "/templates/site/social-card.png";
    static final String CONTENT_TYPE = "image/png";
    private static byte[] bytes;

    private DefaultCard() {
    }

    static synchronized byte[] bytes() {
        if (bytes == null) {
            try (InputStream in = DefaultCard.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build: the site needs its default card");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + RESOURCE, e);
            }
        }
        return bytes;
    }
}
