package despatch.publish;

import despatch.article.ArticleKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the office's records hold of an article. No personal data: authors are public figures
 * acting in public, and no subscriber appears here.
 *
 * @param embargo null when there is none
 * @param publishedAt when the page went on the site; null while scheduled
 * @param emailLocation where the rendered email is stored
 */
public record ArticleRecord(
        String slug,
        String title,
        String summary,
        ArticleKind kind,
        LocalDate date,
        List<String> lists,
        ArticleState state,
        Instant embargo,
        Instant publishedAt,
        Instant updatedAt,
        String uploadKey,
        String webPath,
        String emailLocation,
        List<String> warnings) {

    public ArticleRecord {
        lists = List.copyOf(lists);
        warnings = List.copyOf(warnings);
    }
}
