package despatch.sending;

/**
 * Told once, when a campaign has gone to everyone it was for (its counts final but for resends):
 * by the batch whose outcomes account for the last recipient, or by fan-out when it finishes
 * after every batch already has (or the lists had nobody on them).
 */
public interface CampaignFinished {
    CampaignFinished NONE = campaign -> { };

    void finished(Campaign campaign);

    /** Best effort: a report that cannot be made must not fail the batch or fan-out that finished the campaign. */
    default void tellQuietly(Campaign campaign) {
        try {
            finished(campaign);
        } catch (RuntimeException e) {
            // The campaign is finished and recorded either way; the report is what is lost.
        }
    }
}
