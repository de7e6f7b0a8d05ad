package despatch.sending;

import java.time.Clock;
import java.util.Optional;

/**
 * What the send workers report back: which campaigns' batches may go out, and each batch's
 * outcomes counted, the campaign paused when SES paused sending and marked sent when every
 * recipient has an outcome.
 */
public final class CampaignOutcomes {
    private final CampaignStore store;
    private final CampaignUpdates campaigns;
    private final CampaignFinished finished;

    public CampaignOutcomes(CampaignStore campaigns, Clock clock) {
        this(campaigns, clock, CampaignFinished.NONE);
    }

    /** @param finished told when a batch's outcomes finish the campaign */
    public CampaignOutcomes(CampaignStore campaigns, Clock clock, CampaignFinished finished) {
        this.store = campaigns;
        this.campaigns = new CampaignUpdates(campaigns, clock);
        this.finished = finished;
    }

    /**
     * Whether a batch of this campaign may be sent now: yes while sending; a finished (sent or
     * cancelled) campaign's batches are dropped; a held or paused one's wait.
     */
    public Optional<Campaign> sending(String campaignId) {
        return store.find(campaignId).filter(campaign -> campaign.status() == CampaignStatus.SENDING);
    }

    /** Where the campaign stands, in one read; empty when there is no such campaign. */
    public Optional<CampaignStatus> status(String campaignId) {
        return store.find(campaignId).map(Campaign::status);
    }

    /** Counts a batch's outcomes, pauses the campaign if SES paused sending, and finishes it when everyone is accounted for. */
    public void record(String campaignId, BatchOutcome outcome) {
        long sent = outcome.ended().values().stream().filter(s -> s == DeliveryState.SENT).count();
        long suppressed = outcome.ended().values().stream().filter(s -> s == DeliveryState.SUPPRESSED).count();
        long failed = outcome.ended().values().stream().filter(s -> s == DeliveryState.FAILED).count();
        if (sent + suppressed + failed + outcome.unknown().size() > 0) {
            store.addCounts(campaignId, sent, suppressed, failed, outcome.unknown().size());
        }
        if (outcome.paused()) {
            campaigns.update(campaignId, campaign -> campaign.status() == CampaignStatus.SENDING, Campaign::pause);
            return;
        }
        campaigns.finishIfAccountedFor(campaignId).ifPresent(finished::tellQuietly);
    }
}
