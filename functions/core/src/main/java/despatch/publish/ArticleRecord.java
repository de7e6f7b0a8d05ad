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
 * @param webPath where the article is on the site; for a {@link ArticleState#MOVED} one, where it went
 * @param contentHash what the article said (see {@link ContentHash}), so an identical re-upload is not
 *     taken for a correction; null on records older than the field
 * @param uploadHash the SHA-256 of the upload's bytes that made this version, so a re-render knows the
 *     file in the bucket is still the one published (not a later version, rejected or waiting for
 *     approval); null on records older than the field
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
        List<String> warnings,
        String contentHash,
        String uploadHash) {

    public ArticleRecord {
        lists = List.copyOf(lists);
        warnings = List.copyOf(warnings);
    }

    /** A record as written before uploads' hashes were kept. */
    public ArticleRecord(String slug, String title, String summary, ArticleKind kind, LocalDate date, List<String> lists, ArticleState state,
            Instant embargo, Instant publishedAt, Instant updatedAt, String uploadKey, String webPath, String emailLocation,
            List<String> warnings, String contentHash) {
        this(slug, title, summary, kind, date, lists, state, embargo, publishedAt, updatedAt, uploadKey, webPath, emailLocation, warnings,
                contentHash, null);
    }

    /** The same article in another state, as of {@code at}, by the upload that asked for it. */
    public ArticleRecord moved(ArticleState newState, Instant at, String byUpload, List<String> newWarnings) {
        return new ArticleRecord(slug, title, summary, kind, date, lists, newState, embargo, publishedAt, at, byUpload, webPath,
                emailLocation, newWarnings, contentHash, uploadHash);
    }

    /** The same article moved to {@code newSlug}'s address by the upload that asked for it: its old address redirects there. */
    public ArticleRecord movedTo(String newSlug, Instant at, String byUpload) {
        return new ArticleRecord(slug, title, summary, kind, date, lists, ArticleState.MOVED, embargo, publishedAt, at, byUpload,
                despatch.office.SitePaths.articleDirectory(newSlug), emailLocation, List.of(), contentHash, uploadHash);
    }

    /** When a correction last changed it on the site, or null if it never was corrected. */
    public Instant correctedAt() {
        return updatedAt != null && publishedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : null;
    }
}
