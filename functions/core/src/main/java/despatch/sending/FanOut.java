package despatch.sending;

import despatch.common.OptimisticRetry;
import despatch.subscription.Member;
import despatch.subscription.MemberPage;
import despatch.subscription.SubscriberStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Pages a campaign's lists onto the send queue from the cursor saved in the campaign, so that a
 * fan-out cut short by its time limit goes on in a fresh invocation where it stopped.
 */
public final class FanOut {
    /** Members read per Query: well under DynamoDB's 1 MB page. */
    static final int PAGE = 500;
    /** Recipients per queue message: a worker's batch takes a few seconds at SES's pace. */
    static final int BATCH = 50;

    /**
     * How far fan-out runs ahead of the workers: a minute of sending at the account's rate (at
     * least two pages). Another campaign's first batches then queue behind at most a minute of
     * this one's, and the two share the workers from there; a cancel or a pause leaves little queued.
     */
    static final int AHEAD_SECONDS = 60;
    static final long LEAST_AHEAD = 2L * PAGE;
    /** When it is that far ahead, fan-out looks again after this. */
    public static final Duration TOP_UP_AFTER = Duration.ofSeconds(20);

    public enum Result { DONE, CONTINUE, NOT_SENDING, WAITING_FOR_QUOTA, AHEAD }

    private final CampaignUpdates campaigns;
    private final CampaignStore store;
    private final SubscriberStore subscribers;
    private final SendQueue queue;
    private final FanOutRequests requests;
    private final Clock clock;
    private final CampaignFinished finished;
    private final DailyQuota quota;
    private final CampaignScheduler scheduler;

    public FanOut(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests requests, Clock clock) {
        this(campaigns, subscribers, queue, requests, clock, CampaignFinished.NONE);
    }

    /** With no daily quota to count against. */
    public FanOut(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests requests, Clock clock,
            CampaignFinished finished) {
        this(campaigns, subscribers, queue, requests, clock, finished, null, null);
    }

    /**
     * @param finished  told when fan-out is what finishes the campaign (its batches all ended before it did)
     * @param quota     the account's SES daily quota, which each page's recipients are counted against; null for none
     * @param scheduler asked to go on with fan-out when the quota frees up
     */
    public FanOut(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests requests, Clock clock,
            CampaignFinished finished, DailyQuota quota, CampaignScheduler scheduler) {
        if (quota != null && scheduler == null) {
            throw new IllegalArgumentException("a fan-out that waits for the daily quota needs a scheduler to go on");
        }
        this.quota = quota;
        this.scheduler = scheduler;
        this.finished = finished;
        this.campaigns = new CampaignUpdates(campaigns, clock);
        this.store = campaigns;
        this.subscribers = subscribers;
        this.queue = queue;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * Pages until done or out of time. Someone on two of the lists is enqueued once, from the
     * first. A page enqueued twice (a crash before the cursor was saved, a duplicate request, a
     * page whose cursor lost a race and is paged again from a fresh read) costs nothing but
     * claims: no one is sent two copies.
     */
    public Result fanOut(String campaignId, BooleanSupplier timeLeft) {
        while (true) {
            Optional<Result> ended = OptimisticRetry.<Optional<Result>, RuntimeException>retrying(() -> nextPage(campaignId, timeLeft));
            if (ended.isPresent()) {
                return ended.get();
            }
        }
    }

    /** Asks for fan-out to go on in a fresh invocation, from the cursor this one saved. */
    public void continueLater(String campaignId) {
        requests.request(campaignId);
    }

    /** The same, once the workers have taken some of what this campaign has on the send queue. */
    public void topUpLater(String campaignId) {
        requests.requestLater(campaignId, TOP_UP_AFTER);
    }

    /** @return how fan-out ended, or empty when there is more to page */
    private Optional<Result> nextPage(String campaignId, BooleanSupplier timeLeft) {
        Campaign campaign = campaigns.load(campaignId);
        if (campaign.status() != CampaignStatus.SENDING) {
            return Optional.of(Result.NOT_SENDING);
        }
        if (campaign.fanOutDone()) {
            return Optional.of(Result.DONE);
        }
        if (campaign.waitsForQuota(clock.instant())) {
            // A repeat of the request that began the wait (its schedule may not have been made): make sure it is.
            scheduler.scheduleFanOut(campaignId, campaign.quotaWait().until());
            return Optional.of(Result.WAITING_FOR_QUOTA);
        }
        if (!timeLeft.getAsBoolean()) {
            return Optional.of(Result.CONTINUE);
        }
        if (quota != null && campaign.counts().outstanding() >= ahead()) {
            return Optional.of(Result.AHEAD);
        }
        // An embargoed article for the web only has no list: its start released the page; there is no one to send to.
        if (campaign.lists().isEmpty()) {
            return finishPaging(campaign, FanOutCursor.START, 0);
        }
        int index = campaign.cursor().listIndex();
        MemberPage page = subscribers.activeMembers(campaign.lists().get(index), campaign.cursor().after(), PAGE);
        Set<String> earlier = new HashSet<>(campaign.lists().subList(0, index));
        List<Recipient> recipients = page.members().stream()
                .filter(member -> !reachedEarlier(member, earlier, campaign))
                .map(member -> new Recipient(member.subscriberId(), member.address()))
                .toList();
        DailyQuota.Grant grant = quota == null ? null : quota.reserve(recipients.size());
        if (grant != null && grant.granted() < recipients.size()) {
            return Optional.of(waitForQuota(campaign, index, recipients, grant));
        }
        queue.enqueue(batches(campaign, recipients, grant == null ? null : grant.slot()));
        FanOutCursor next = page.nextCursor().map(after -> new FanOutCursor(index, after)).orElse(new FanOutCursor(index + 1, null));
        return finishPaging(campaign, next, recipients.size());
    }

    private long ahead() {
        return Math.max(LEAST_AHEAD, (long) (quota.accountRate() * AHEAD_SECONDS));
    }

    /** Saves the page's cursor; at the end of the last list, finishes the campaign if its batches all ended already. */
    private Optional<Result> finishPaging(Campaign campaign, FanOutCursor next, int enqueued) {
        boolean done = next.listIndex() >= campaign.lists().size();
        // Cancelled, or another fan-out moved on: the retry reads again and follows it.
        store.save(campaign.advance(next, done, enqueued, clock.instant()));
        if (!done) {
            return Optional.empty();
        }
        // Lists with nobody (left) on them send no batch, and batches may all end before this page's
        // save: then nothing else would finish the campaign.
        campaigns.finishIfAccountedFor(campaign.id()).ifPresent(finished::tellQuietly);
        return Optional.of(Result.DONE);
    }

    /**
     * The daily quota had room for only the first of this page's recipients: those go, the cursor
     * stops after the last of them, and fan-out goes on by itself when the quota frees up. The
     * schedule comes after the save, so a failure to make it fails the request, which comes again.
     */
    private Result waitForQuota(Campaign campaign, int index, List<Recipient> recipients, DailyQuota.Grant grant) {
        List<Recipient> fits = recipients.subList(0, grant.granted());
        queue.enqueue(batches(campaign, fits, grant.slot()));
        FanOutCursor next = fits.isEmpty() ? campaign.cursor() : new FanOutCursor(index, fits.getLast().subscriberId());
        QuotaWait wait = new QuotaWait(grant.freesAt(), grant.dailyQuota());
        store.save(campaign.waitForQuota(next, fits.size(), wait, clock.instant()));
        scheduler.scheduleFanOut(campaign.id(), wait.until());
        return Result.WAITING_FOR_QUOTA;
    }

    /**
     * Whether this member was already enqueued from an earlier list of the campaign. Only a
     * membership written before the campaign began is trusted for that: someone whose lists changed
     * during fan-out is enqueued again, and the delivery claim stops a second copy.
     */
    private static boolean reachedEarlier(Member member, Set<String> earlierLists, Campaign campaign) {
        return !member.since().isAfter(campaign.createdAt()) && !Collections.disjoint(member.lists(), earlierLists);
    }

    /** The recipients in queue messages of at most {@link #BATCH}, each saying where the daily quota counted them. */
    static List<SendBatch> batches(Campaign campaign, List<Recipient> recipients, java.time.Instant quotaSlot) {
        List<SendBatch> batches = new ArrayList<>();
        for (int from = 0; from < recipients.size(); from += BATCH) {
            batches.add(new SendBatch(campaign.id(), campaign.slug(), new HashSet<>(campaign.lists()),
                    recipients.subList(from, Math.min(recipients.size(), from + BATCH)), 1, quotaSlot));
        }
        return batches;
    }
}
