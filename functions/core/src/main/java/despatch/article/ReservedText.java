package despatch.article;

import despatch.common.Personalisation;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sender fills per-recipient placeholders into the rendered email; an article that carries
 * one itself could point every recipient's unsubscribe link somewhere else.
 */
final class ReservedText {
    private ReservedText() {
    }

    static void check(Article article) throws ArticleRejectedException {
        boolean found = Arrays.asList(article.title(), article.summary(), article.author(), article.byline(), article.bodyHtml(),
                        article.notesToEditorsHtml(), article.mediaContact()).stream()
                .filter(Objects::nonNull)
                .anyMatch(text -> text.contains(Personalisation.UNSUBSCRIBE_URL));
        if (found) {
            throw new ArticleRejectedException(new Problem("body", "The text contains " + Personalisation.UNSUBSCRIBE_URL
                    + ", which is reserved for each recipient's own unsubscribe link. Remove it."));
        }
    }
}
