package despatch.site;

import java.util.Optional;

/** The article pages rendered at publish time and kept with the rendered email, for rebuilding the site. */
public interface RenderedPages {
    Optional<String> webPage(String slug);

    /** Replaces an article's stored page (a re-render), leaving its stored email as it was sent. */
    void saveWebPage(String slug, String html);
}
