package despatch.publish;

import despatch.render.RenderedArticle;

/** Keeps the rendered email of an article for the sending step. */
public interface RenderedEmailStore {
    /** @return where it was stored, for the article record */
    String save(String slug, RenderedArticle rendered);
}
