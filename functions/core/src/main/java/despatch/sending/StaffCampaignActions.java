package despatch.sending;

import despatch.subscription.SubscriberStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What staff do with campaigns: look at them, start a held or paused one, cancel one, resend unknown outcomes. */
public final class StaffCampaignActions {
    /** Longer than a send worker can run (its 120 s timeout) with room to spare. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final CampaignStore store;
    private final CampaignUpdates campaigns;
    private final SubscriberStore subscribers;
    private final SendQueue queue;
    private final FanOutRequests fanOuts;
    private final ArticleRelease release;
    private final Clock clock;

    public StaffCampaignActions(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests fanOuts,
            ArticleRelease release, Clock clock) {
        this.store = campaigns;
        this.campaigns = new CampaignUpdates(campaigns, clock);
        this.subscribers = subscribers;
        this.queue = queue;
        this.fanOuts = fanOuts;
        this.release = release;
        this.clock = clock;
    }

    public List<Campaign> recent(int limit) {
        return store.recent(limit);
    }

    public Optional<Campaign> find(String campaignId) {
        return store.find(campaignId);
    }

    /**
     * Starts a held or paused campaign. A held one's page goes on the site first.
     *
     * @return false when the campaign is in no state to start
     */
    public boolean startNow(String campaignId) {
        Campaign campaign = campaigns.load(campaignId);
        if (!campaign.mayStartByHand()) {
            return false;
        }
        if (campaign.status() == CampaignStatus.HELD) {
            release.release(campaign.slug());
        }
        campaigns.update(campaignId, Campaign::mayStartByHand, Campaign::start);
        fanOuts.request(campaignId);
        return true;
    }

    /**
     * Stops a campaign: batches still queued are dropped when they arrive. Deliveries already
     * made stay made.
     *
     * @return false when the campaign is already over (sent or cancelled)
     */
    public boolean cancel(String campaignId) {
        return campaigns.cancel(campaignId);
    }

    /**
     * Sends the unknown outcomes again (a recipient may then get a second copy, which is why it is
     * never done without staff): their claims are released and they are queued again. A paused or
     * sent campaign is sending again with them.
     *
     * @return how many were queued
     */
    public int resendUnknown(String campaignId, DeliveryLedger ledger) {
        Campaign campaign = campaigns.load(campaignId);
        if (!campaign.mayResendUnknown()) {
            return 0;
        }
        // Only claims older than any worker can still be holding: a younger one may be mid-send right now.
        List<String> unknown = ledger.unknownOutcomes(campaignId, clock.instant().minus(STALE_CLAIM));
        if (unknown.isEmpty()) {
            return 0;
        }
        if (campaign.status() != CampaignStatus.SENDING) {
            campaigns.update(campaignId, c -> c.status() != CampaignStatus.SENDING && c.mayResendUnknown(), Campaign::reopen);
            if (!campaign.fanOutDone()) {
                fanOuts.request(campaignId);
            }
        }
        List<Recipient> again = new ArrayList<>();
        for (String subscriberId : unknown) {
            subscribers.findSubscriber(subscriberId).ifPresent(s -> again.add(new Recipient(s.id(), s.address())));
            ledger.mark(campaignId, subscriberId, DeliveryState.RETRY, "resent by staff", clock.instant());
        }
        if (!again.isEmpty()) {
            store.addCounts(campaignId, 0, 0, 0, -again.size());
            queue.enqueue(FanOut.batches(campaign, again, null));
        }
        return again.size();
    }
}
