package despatch.sending;

/** Told once, when a campaign has gone to everyone it was for (its counts final but for resends). */
public interface CampaignFinished {
    CampaignFinished NONE = campaign -> { };

    /** Best effort: a report that cannot be made must not fail the batch that finished the campaign. */
    void finished(Campaign campaign);
}
