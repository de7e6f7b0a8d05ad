package despatch.publish;

/** Where an article stands. */
public enum ArticleState {
    /** Embargoed: rendered and recorded, not on the site yet. */
    SCHEDULED,
    /** On the site, in its listings and feeds. */
    PUBLISHED,
    /** Taken down by an upload with {@code unpublish: yes}: off the site, the listings and the feeds; the record stays. */
    UNPUBLISHED
}
