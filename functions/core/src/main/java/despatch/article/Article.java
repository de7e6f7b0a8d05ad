package despatch.article;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An article ready to render: every field validated, every default filled in.
 *
 * @param bodyHtml sanitised HTML of the body, headings starting at h2
 * @param notesToEditorsHtml sanitised HTML, or null
 * @param mediaContact press releases only, or null
 * @param sourceName the upload's file name, for messages
 */
public record Article(
        String slug,
        String title,
        String summary,
        String author,
        String byline,
        ArticleKind kind,
        LocalDate date,
        List<String> lists,
        ZonedDateTime embargo,
        HeroImage heroImage,
        String bodyHtml,
        String notesToEditorsHtml,
        String mediaContact,
        String sourceName) {

    public Article {
        lists = List.copyOf(lists);
    }

    public Optional<ZonedDateTime> embargoTime() {
        return Optional.ofNullable(embargo);
    }

    /** The same article at another address (a correction keeps the address its first version had). */
    public Article withSlug(String newSlug) {
        return new Article(newSlug, title, summary, author, byline, kind, date, lists, embargo, heroImage, bodyHtml, notesToEditorsHtml,
                mediaContact, sourceName);
    }

    public boolean isPressRelease() {
        return kind == ArticleKind.PRESS_RELEASE;
    }
}
