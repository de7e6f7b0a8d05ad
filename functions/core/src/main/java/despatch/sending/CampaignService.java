package despatch.sending;

import despatch.office.Office;
import despatch.common.ConcurrentChangeException;
import despatch.subscription.Member;
import despatch.subscription.MemberPage;
import despatch.subscription.SubscriberStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Campaigns from start to finish: one per published article, fanned out page by page onto the
 * send queue from a cursor it can resume from, counted as batches end, and marked sent when every
 * recipient has an outcome.
 */
public final class CampaignService {
    /** Members read per Query: well under DynamoDB's 1 MB page. */
    static final int PAGE = 500;
    /** Longer than a send worker can run (its 120 s timeout) with room to spare. */
    static final java.time.Duration STALE_CLAIM = java.time.Duration.ofMinutes(10);
    /** Recipients per queue message: a worker's batch takes a few seconds at SES's pace. */
    static final int BATCH = 50;

    public enum FanOutResult { DONE, CONTINUE, NOT_SENDING }

    private final Office office;
    private final CampaignStore campaigns;
    private final SubscriberStore subscribers;
    private final SendQueue queue;
    private final FanOutRequests fanOuts;
    private final CampaignScheduler scheduler;
    private final ArticleRelease release;
    private final StartDecision startDecision;
    private final Clock clock;

    public CampaignService(Office office, CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests fanOuts,
            CampaignScheduler scheduler, ArticleRelease release, StartDecision startDecision, Clock clock) {
        this.office = office;
        this.campaigns = campaigns;
        this.subscribers = subscribers;
        this.queue = queue;
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
        Instant now = clock.instant();
        boolean later = embargo != null && embargo.isAfter(now);
        if (ordered.isEmpty() && !later) {
            return Optional.empty();
        }
        // An embargoed article emailed to nobody still needs its schedule: the start is what puts its page on the site.
        Campaign campaign = new Campaign(Campaign.idFor(slug), slug, subject, ordered,
                later ? CampaignStatus.SCHEDULED : CampaignStatus.SENDING, later ? embargo : null, FanOutCursor.START, false,
                CampaignCounts.NONE, now, now, 1);
        if (!campaigns.create(campaign)) {
            // Made before: a correction (nothing to do), or a retried publish whose first attempt made the
            // campaign and then failed before scheduling or requesting fan-out. Both calls are safe to repeat.
            campaigns.find(campaign.id()).ifPresent(existing -> resumeStart(existing, later ? embargo : null));
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
                move(existing.id(), CampaignStatus.SENDING);
                fanOuts.request(existing.id());
                return;
            }
            if (!wantedStart.equals(existing.scheduledFor())) {
                // A conflict means another change moved it: a retried publish comes back here and sees it.
                campaigns.save(existing.rescheduled(wantedStart, clock.instant()));
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
        Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
        if (campaign.status() != CampaignStatus.SCHEDULED) {
            return campaign.status();
        }
        switch (startDecision.decide(campaign.scheduledFor(), clock.instant())) {
            // Scheduler never fires early: this is the schedule of an embargo a correction moved later. The new one will come.
            case WAIT -> {
                return CampaignStatus.SCHEDULED;
            }
            case HOLD -> move(campaignId, CampaignStatus.HELD);
            case START -> {
                release.release(campaign.slug());
                move(campaignId, CampaignStatus.SENDING);
            }
        }
        return campaigns.find(campaignId).orElseThrow().status();
    }

    /**
     * Staff start a held or paused campaign. A held one's page goes on the site first.
     *
     * @return false when the campaign is in no state to start
     */
    public boolean startNow(String campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
        if (campaign.status() != CampaignStatus.HELD && campaign.status() != CampaignStatus.PAUSED) {
            return false;
        }
        if (campaign.status() == CampaignStatus.HELD) {
            release.release(campaign.slug());
        }
        move(campaignId, CampaignStatus.SENDING);
        fanOuts.request(campaignId);
        return true;
    }

    /**
     * Pages the campaign's lists onto the send queue until done or out of time. Someone on two of
     * the lists is enqueued once, from the first. A page enqueued twice (a crash before the cursor
     * was saved, a duplicate request) costs nothing but claims: no one is sent two copies.
     */
    public FanOutResult fanOut(String campaignId, BooleanSupplier timeLeft) {
        while (true) {
            Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
            if (campaign.status() != CampaignStatus.SENDING) {
                return FanOutResult.NOT_SENDING;
            }
            if (campaign.fanOutDone()) {
                return FanOutResult.DONE;
            }
            if (!timeLeft.getAsBoolean()) {
                return FanOutResult.CONTINUE;
            }
            if (campaign.lists().isEmpty()) {
                // An embargoed article for the web only: its start released the page; there is no one to send to.
                try {
                    campaigns.save(campaign.advanced(FanOutCursor.START, true, 0, clock.instant()));
                } catch (ConcurrentChangeException e) {
                    continue;
                }
                finishIfAccountedFor(campaignId);
                return FanOutResult.DONE;
            }
            int index = campaign.cursor().listIndex();
            MemberPage page = subscribers.activeMembers(campaign.lists().get(index), campaign.cursor().after(), PAGE);
            Set<String> earlier = new HashSet<>(campaign.lists().subList(0, index));
            List<Recipient> recipients = page.members().stream()
                    .filter(member -> !reachedEarlier(member, earlier, campaign))
                    .map(CampaignService::recipient)
                    .toList();
            queue.enqueue(batches(campaign, recipients));
            FanOutCursor next = page.nextCursor().map(after -> new FanOutCursor(index, after)).orElse(new FanOutCursor(index + 1, null));
            boolean done = next.listIndex() >= campaign.lists().size();
            try {
                campaigns.save(campaign.advanced(next, done, recipients.size(), clock.instant()));
            } catch (ConcurrentChangeException e) {
                // Cancelled, or another fan-out moved on: read again and follow it.
                continue;
            }
            if (done) {
                // Lists with nobody (left) on them send no batch, so nothing else would finish the campaign.
                finishIfAccountedFor(campaignId);
                return FanOutResult.DONE;
            }
        }
    }

    public List<Campaign> recent(int limit) {
        return campaigns.recent(limit);
    }

    public Optional<Campaign> find(String campaignId) {
        return campaigns.find(campaignId);
    }

    /**
     * The article was unpublished: its campaign is cancelled unless it has finished (an
     * embargoed one then never starts; a sending one stops within seconds).
     */
    public void withdraw(String slug) {
        String campaignId = Campaign.idFor(slug);
        if (campaigns.find(campaignId).isPresent()) {
            cancel(campaignId);
        }
    }

    /**
     * Stops a campaign: batches still queued are dropped when they arrive. Deliveries already
     * made stay made.
     *
     * @return false when the campaign is already over (sent or cancelled)
     */
    public boolean cancel(String campaignId) {
        for (int attempt = 0; attempt < 4; attempt++) {
            Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
            if (!campaign.status().canMoveTo(CampaignStatus.CANCELLED)) {
                return false;
            }
            try {
                campaigns.save(campaign.moved(CampaignStatus.CANCELLED, clock.instant()));
                return true;
            } catch (ConcurrentChangeException e) {
                // Moved meanwhile: look again.
            }
        }
        throw new ConcurrentChangeException("campaign " + campaignId + " kept changing");
    }

    /**
     * Staff decided the unknown outcomes should be sent (a recipient may then get a second copy,
     * which is why it is never done without them): their claims are released and they are queued
     * again. A paused campaign is resumed with them.
     *
     * @return how many were queued
     */
    public int resendUnknown(String campaignId, DeliveryLedger ledger) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
        if (campaign.status() != CampaignStatus.SENDING && campaign.status() != CampaignStatus.PAUSED
                && campaign.status() != CampaignStatus.SENT) {
            return 0;
        }
        // Only claims older than any worker can still be holding: a younger one may be mid-send right now.
        List<String> unknown = ledger.unknownOutcomes(campaignId, clock.instant().minus(STALE_CLAIM));
        if (unknown.isEmpty()) {
            return 0;
        }
        if (campaign.status() != CampaignStatus.SENDING) {
            move(campaignId, CampaignStatus.SENDING);
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
            campaigns.addCounts(campaignId, 0, 0, 0, -again.size());
            queue.enqueue(batches(campaign, again));
        }
        return again.size();
    }

    /** Asks for fan-out to go on in a fresh invocation, from the cursor this one saved. */
    public void continueFanOut(String campaignId) {
        fanOuts.request(campaignId);
    }

    /**
     * Whether a batch of this campaign may be sent now: yes while sending; a finished (sent or
     * cancelled) campaign's batches are dropped; a held or paused one's wait.
     */
    public Optional<Campaign> sending(String campaignId) {
        return campaigns.find(campaignId).filter(campaign -> campaign.status() == CampaignStatus.SENDING);
    }

    /** Sent, cancelled, or unknown: a batch for it has nothing left to do. */
    public boolean isOver(String campaignId) {
        return campaigns.find(campaignId).map(c -> c.status().isFinished()).orElse(true);
    }

    /** Counts a batch's outcomes, pauses the campaign if SES paused sending, and finishes it when everyone is accounted for. */
    public void record(String campaignId, BatchOutcome outcome) {
        long sent = outcome.ended().values().stream().filter(s -> s == DeliveryState.SENT).count();
        long suppressed = outcome.ended().values().stream().filter(s -> s == DeliveryState.SUPPRESSED).count();
        long failed = outcome.ended().values().stream().filter(s -> s == DeliveryState.FAILED).count();
        if (sent + suppressed + failed + outcome.unknown().size() > 0) {
            campaigns.addCounts(campaignId, sent, suppressed, failed, outcome.unknown().size());
        }
        if (outcome.paused()) {
            move(campaignId, CampaignStatus.PAUSED);
            return;
        }
        finishIfAccountedFor(campaignId);
    }

    private void finishIfAccountedFor(String campaignId) {
        campaigns.find(campaignId)
                .filter(c -> c.status() == CampaignStatus.SENDING && c.fanOutDone() && c.counts().allAccountedFor())
                .ifPresent(c -> move(campaignId, CampaignStatus.SENT));
    }

    private void move(String campaignId, CampaignStatus next) {
        campaigns.find(campaignId).filter(c -> c.status().canMoveTo(next)).ifPresent(campaign -> {
            try {
                campaigns.save(campaign.moved(next, clock.instant()));
            } catch (ConcurrentChangeException e) {
                // Someone else moved it first; their move stands.
            }
        });
    }

    /**
     * Whether this member was already enqueued from an earlier list of the campaign. Only a
     * membership written before the campaign began is trusted for that: someone whose lists changed
     * during fan-out is enqueued again, and the delivery claim stops a second copy.
     */
    private static boolean reachedEarlier(Member member, Set<String> earlierLists, Campaign campaign) {
        return !member.since().isAfter(campaign.createdAt()) && !Collections.disjoint(member.lists(), earlierLists);
    }

    private static Recipient recipient(Member member) {
        return new Recipient(member.subscriberId(), member.address());
    }

    private static List<SendBatch> batches(Campaign campaign, List<Recipient> recipients) {
        List<SendBatch> batches = new ArrayList<>();
        for (int from = 0; from < recipients.size(); from += BATCH) {
            batches.add(new SendBatch(campaign.id(), campaign.slug(), new HashSet<>(campaign.lists()),
                    recipients.subList(from, Math.min(recipients.size(), from + BATCH))));
        }
        return batches;
    }
}
