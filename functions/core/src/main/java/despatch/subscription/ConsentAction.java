package despatch.subscription;

/** What a consent record records. */
public enum ConsentAction {
    /** Asked to join lists; nothing is sent to them until confirmed. */
    REQUESTED,
    /** Clicked the confirmation link: the lists became active. */
    CONFIRMED,
    /** Imported with the office's own evidence of consent. */
    IMPORTED,
    /** Changed lists from the preferences page. */
    CHANGED,
    /** Left every list. */
    UNSUBSCRIBED,
    /** Taken off every list because mail to the address bounced for good or was reported as spam. */
    SUPPRESSED
}
