package despatch.publish;

/** Where an article stands. Scheduled articles wait for their embargo; the scheduler comes with sending. */
public enum ArticleState {
    /** Embargoed: rendered and recorded, not on the site yet. */
    SCHEDULED,
    /** On the site. */
    PUBLISHED
}
