package despatch.publish;

/** Where an article stands. */
public enum ArticleState {
    /** Embargoed: rendered and recorded, not on the site yet. */
    SCHEDULED,
    /** On the site, in its listings and feeds. */
    PUBLISHED,
    /** Taken down by an upload with {@code unpublish: yes}: off the site, the listings and the feeds; the record stays. */
    UNPUBLISHED,
    /**
     * Moved to another address by a correction that gave it a new {@code slug:}: its old address
     * answers with a permanent redirect to the new one (the record's webPath); off the listings.
     */
    MOVED
}
