package despatch.publish;

/**
 * Tells the site that an article's state changed, so its listings, feeds and sitemap follow.
 * Done after the article's record is written; the site reads the record, not the message.
 */
public interface SiteChanges {
    void changed(String slug);
}
