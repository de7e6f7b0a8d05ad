package despatch.sending;

import despatch.office.Office;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's life as publishing drives it: one per published article, started at once or at
 * its embargo (held for staff when that comes far too late), cancelled when the article is
 * unpublished. Fan-out, outcomes and staff actions are {@link FanOut}, {@link CampaignOutcomes}
 * and {@link StaffCampaignActions}.
 */
public final class CampaignLifecycle {
    private final Office office;
    private final CampaignStore store;
    private final CampaignUpdates campaigns;
    private final FanOutRequests fanOuts;
    private final CampaignScheduler scheduler;
    private final ArticleRelease release;
    private final StartDecision startDecision;
    private final Clock clock;

    public CampaignLifecycle(Office office, CampaignStore campaigns, FanOutRequests fanOuts, CampaignScheduler scheduler,
            ArticleRelease release, StartDecision startDecision, Clock clock) {
        this.office = office;
        this.store = campaigns;
        this.campaigns = new CampaignUpdates(campaigns, clock);
        this.fanOuts = fanOuts;
        this.scheduler = scheduler;
        this.release = release;
        this.startDecision = startDecision;
        this.clock = clock;
    }

    /**
     * The campaign for a published article's lists, made once: a correction of the article finds
     * it there and sends nothing again.
     *
     * @param embargo when to send, or null for now
     * @return the new campaign, or empty when there are no lists (and no embargo) or the campaign exists already
     */
    public Optional<Campaign> startFor(String slug, String subject, Set<String> lists, Instant embargo) {
        List<String> ordered = office.lists().keySet().stream().filter(lists::contains).toList();
        Campaign campaign = Campaign.forArticle(slug, subject, ordered, embargo, clock.instant());
        boolean later = campaign.status() == CampaignStatus.SCHEDULED;
        if (ordered.isEmpty() && !later) {
            return Optional.empty();
        }
        // An embargoed article emailed to nobody still needs its schedule: the start is what puts its page on the site.
        if (!store.create(campaign)) {
            // Made before: a correction (nothing to do), or a retried publish whose first attempt made the
            // campaign and then failed before scheduling or requesting fan-out. Both calls are safe to repeat.
            store.find(campaign.id()).ifPresent(existing -> resumeStart(existing, campaign.scheduledFor()));
            return Optional.empty();
        }
        if (later) {
            scheduler.scheduleStart(campaign.id(), embargo);
        } else {
            fanOuts.request(campaign.id());
        }
        return Optional.of(campaign);
    }

    /**
     * @param wantedStart the embargo the article has now (a correction may move it), or null when
     *     it has none left: the article is on the site now, so its email goes now too. The old
     *     schedule still fires at its time and finds nothing to do.
     */
    private void resumeStart(Campaign existing, Instant wantedStart) {
        if (existing.status() == CampaignStatus.SCHEDULED) {
            if (wantedStart == null) {
                campaigns.update(existing.id(), c -> c.status() == CampaignStatus.SCHEDULED, Campaign::start);
                fanOuts.request(existing.id());
                return;
            }
            if (!wantedStart.equals(existing.scheduledFor())) {
                // A conflict means another change moved it: a retried publish comes back here and sees it.
                store.save(existing.reschedule(wantedStart, clock.instant()));
            }
            scheduler.scheduleStart(existing.id(), wantedStart);
        } else if (existing.status() == CampaignStatus.SENDING && !existing.fanOutDone() && existing.counts().enqueued() == 0) {
            fanOuts.request(existing.id());
        }
    }

    /**
     * The embargo's moment has come (the schedule fired): on time, the page goes on the site and
     * sending starts; too late (an outage, a restore), the campaign is HELD for staff, who start it
     * or cancel it. Never early.
     *
     * @return the campaign's status afterwards
     */
    public CampaignStatus startScheduled(String campaignId) {
        Campaign campaign = campaigns.load(campaignId);
        if (campaign.status() != CampaignStatus.SCHEDULED) {
            return campaign.status();
        }
        switch (startDecision.decide(campaign.scheduledFor(), clock.instant())) {
            // Scheduler never fires early: this is the schedule of an embargo a correction moved later. The new one will come.
            case WAIT -> {
                return CampaignStatus.SCHEDULED;
            }
            case HOLD -> campaigns.update(campaignId, c -> c.status() == CampaignStatus.SCHEDULED, Campaign::hold);
            case START -> {
                release.release(campaign.slug());
                campaigns.update(campaignId, c -> c.status() == CampaignStatus.SCHEDULED, Campaign::start);
            }
        }
        return campaigns.load(campaignId).status();
    }

    /**
     * The article was unpublished: its campaign is cancelled unless it has finished (an
     * embargoed one then never starts; a sending one stops within seconds).
     */
    public void withdraw(String slug) {
        String campaignId = Campaign.idFor(slug);
        if (store.find(campaignId).isPresent()) {
            campaigns.cancel(campaignId);
        }
    }
}
