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
 * @param socialCard the card a shared link shows, made from the article's own photograph; null
 *     for the office's default card (or the hero image at a web address, which is never fetched)
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
        String sourceName,
        SocialCard socialCard) {

    public Article {
        lists = List.copyOf(lists);
    }

    public Optional<ZonedDateTime> embargoTime() {
        return Optional.ofNullable(embargo);
    }

    /** The same article at another address (a correction keeps the address its first version had). */
    public Article withSlug(String newSlug) {
        return new Article(newSlug, title, summary, author, byline, kind, date, lists, embargo, heroImage, bodyHtml, notesToEditorsHtml,
                mediaContact, sourceName, socialCard);
    }

    /** The same article as it was published: at its address, with its date (a re-render keeps both). */
    public Article asPublished(String publishedSlug, LocalDate publishedDate) {
        return new Article(publishedSlug, title, summary, author, byline, kind, publishedDate, lists, embargo, heroImage, bodyHtml,
                notesToEditorsHtml, mediaContact, sourceName, socialCard);
    }

    /** The same article with its own images in place: processed, at their addresses, with the card they give. */
    public Article withImages(HeroImage hero, String body, String notes, SocialCard card) {
        return new Article(slug, title, summary, author, byline, kind, date, lists, embargo, hero, body, notes, mediaContact, sourceName,
                card);
    }

    public boolean isPressRelease() {
        return kind == ArticleKind.PRESS_RELEASE;
    }
}
