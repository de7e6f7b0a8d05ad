package despatch.publish;

import despatch.article.Article;
import despatch.article.Problem;
import despatch.render.RenderedArticle;
import java.util.List;

/**
 * A preview: the rendered article and its warnings, or the problems that would reject it.
 * Exactly one of {@code rendered} and a non-empty {@code problems} is present.
 *
 * @param contentHash the previewed upload's fingerprint (the SHA-256 of its bytes, and of the images beside it
 *     that it shows), what an approval names; null for content given inline
 * @param article     what it says (its lists, its embargo), or null when it would be refused
 */
public record Preview(String slug, RenderedArticle rendered, List<String> warnings, List<Problem> problems, String contentHash,
        Article article) {
    public Preview {
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    /** A preview of content given inline, or one that failed before its content was read. */
    public Preview(String slug, RenderedArticle rendered, List<String> warnings, List<Problem> problems) {
        this(slug, rendered, warnings, problems, null, null);
    }

    /** An accepted preview of this article. */
    static Preview of(Article article, RenderedArticle rendered, List<String> warnings) {
        return new Preview(article.slug(), rendered, warnings, List.of(), null, article);
    }

    /** The same preview of content whose bytes hash to this (an upload's: what an approval names). */
    Preview ofContent(String hash) {
        return new Preview(slug, rendered, warnings, problems, hash, article);
    }

    public boolean accepted() {
        return rendered != null;
    }
}
