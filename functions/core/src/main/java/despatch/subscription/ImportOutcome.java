package despatch.subscription;

/** What importing one row did, in the words of the import report. */
public enum ImportOutcome {
    ACTIVE("imported as active, with the file's consent evidence"),
    PENDING_MAILED("pending: a confirmation link was emailed"),
    PENDING_UNMAILED("pending: no confirmation was sent, as the file did not ask for one"),
    UNCHANGED("already subscribed to these lists: nothing changed"),
    SKIPPED_SUPPRESSED("skipped: this address bounced, complained or asked to be erased; only the person can rejoin, by confirming"),
    SKIPPED_UNSUBSCRIBED("skipped: this person unsubscribed; only they can rejoin, by confirming"),
    FAILED("could not be imported this time (a storage or mail error); upload this row again");

    private final String description;

    ImportOutcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isSkipped() {
        return this == SKIPPED_SUPPRESSED || this == SKIPPED_UNSUBSCRIBED;
    }

    public boolean isFailure() {
        return this == FAILED;
    }
}
