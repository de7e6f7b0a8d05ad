package despatch.sending;

import despatch.common.OptimisticRetry;
import despatch.subscription.Member;
import despatch.subscription.MemberPage;
import despatch.subscription.SubscriberStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
     * How far fan-out runs ahead of the workers: a minute of sending at the rate they send at (at
     * least two pages). Another campaign's first batches then queue behind at most a minute of
     * this one's, and the two share the workers from there; a cancel or a pause leaves little queued.
     */
    static final int AHEAD_SECONDS = 60;
    static final long LEAST_AHEAD = 2L * PAGE;
    /**
     * Messages a send worker takes at once (SendFunction's BatchSize in template.yaml): what the
     * workers hold is outstanding but no longer on the queue, so fan-out runs that much further ahead.
     */
    public static final int MESSAGES_A_WORKER_TAKES = 5;
    /** When it is that far ahead, fan-out looks again after this; longer each time the workers have not moved on. */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(20);
    static final Duration LONGEST_LOOK = Duration.ofMinutes(15);
    /** A campaign waiting for the daily quota looks at least this often, in case the quota was raised or freed. */
    static final Duration QUOTA_LOOK = Duration.ofHours(1);

    /**
     * How a fan-out ended. AHEAD and TOPPED_UP: a minute of sending is on the queue, and fan-out
     * looks again later; TOPPED_UP when it paged some of it this time, AHEAD when the workers had
     * not taken enough since the last look for it to page anything.
     */
    public enum Result { DONE, CONTINUE, NOT_SENDING, WAITING_FOR_QUOTA, TOPPED_UP, AHEAD }

    private final CampaignUpdates campaigns;
    private final CampaignStore store;
    private final SubscriberStore subscribers;
    private final SendQueue queue;
    private final FanOutRequests requests;
    private final Clock clock;
    private final CampaignFinished finished;
    private final SendingLimits limits;

    public FanOut(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests requests, Clock clock) {
        this(campaigns, subscribers, queue, requests, clock, CampaignFinished.NONE);
    }

    /** With no quota or rate to keep to: everything is paged at once. */
    public FanOut(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests requests, Clock clock,
            CampaignFinished finished) {
        this(campaigns, subscribers, queue, requests, clock, finished, null);
    }

    /**
     * @param finished told when fan-out is what finishes the campaign (its batches all ended before it did)
     * @param limits   the account's daily quota and rate, which fan-out keeps to; null for none
     */
    public FanOut(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests requests, Clock clock,
            CampaignFinished finished, SendingLimits limits) {
        this.limits = limits;
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
        int[] pages = {0};
        while (true) {
            Optional<Result> ended = OptimisticRetry.<Optional<Result>, RuntimeException>retrying(
                    () -> nextPage(campaignId, timeLeft, pages));
            if (ended.isPresent()) {
                return ended.get();
            }
        }
    }

    /** Asks for fan-out to go on in a fresh invocation, from the cursor this one saved. */
    public void continueLater(String campaignId) {
        requests.request(campaignId);
    }

    /**
     * Asks to look again once the workers have taken some of what is queued: in 20 seconds after a
     * top-up; after an idle look (nothing paged), twice as long as the last wait, up to 15 minutes,
     * so a campaign whose sending has stalled costs little while staff see to it.
     *
     * @param idleLooks idle looks in a row before this one
     */
    public void lookAgainLater(String campaignId, Result result, int idleLooks) {
        int looks = result == Result.AHEAD ? idleLooks + 1 : 0;
        Duration wait = LOOK_AGAIN.multipliedBy(1L << Math.min(looks, 10));
        requests.requestLater(campaignId, wait.compareTo(LONGEST_LOOK) > 0 ? LONGEST_LOOK : wait, looks);
    }

    /** @return how fan-out ended, or empty when there is more to page */
    private Optional<Result> nextPage(String campaignId, BooleanSupplier timeLeft, int[] pages) {
        Campaign campaign = campaigns.load(campaignId);
        if (campaign.status() != CampaignStatus.SENDING) {
            return Optional.of(Result.NOT_SENDING);
        }
        if (campaign.fanOutDone()) {
            return Optional.of(Result.DONE);
        }
        if (!timeLeft.getAsBoolean()) {
            return Optional.of(Result.CONTINUE);
        }
        if (limits != null && campaign.counts().outstanding() >= ahead()) {
            return Optional.of(pages[0] > 0 ? Result.TOPPED_UP : Result.AHEAD);
        }
        // An embargoed article for the web only has no list: its start released the page; there is no one to send to.
        if (campaign.lists().isEmpty()) {
            store.save(campaign.advance(FanOutCursor.START, true, 0, clock.instant()));
            return Optional.of(finishedPaging(campaign));
        }
        int index = campaign.cursor().listIndex();
        MemberPage page = subscribers.activeMembers(campaign.lists().get(index), campaign.cursor().after(), PAGE);
        Set<String> earlier = new HashSet<>(campaign.lists().subList(0, index));
        List<Recipient> recipients = page.members().stream()
                .filter(member -> !reachedEarlier(member, earlier, campaign))
                .map(member -> new Recipient(member.subscriberId(), member.address()))
                .toList();
        DailyQuota.Grant grant = limits == null ? null : limits.quota().reserve(recipients.size());
        if (grant != null && grant.granted() < recipients.size()) {
            return Optional.of(waitForQuota(campaign, index, recipients, grant));
        }
        FanOutCursor next = page.nextCursor().map(after -> new FanOutCursor(index, after)).orElse(new FanOutCursor(index + 1, null));
        boolean done = next.listIndex() >= campaign.lists().size();
        enqueueAndSave(recipients, grant, campaign.advance(next, done, recipients.size(), clock.instant()));
        pages[0]++;
        return done ? Optional.of(finishedPaging(campaign)) : Optional.empty();
    }

    /**
     * The page's batches, then its cursor. Should the save lose a race (another fan-out, a pause, a
     * cancel), what this page counted against the daily quota is given back before the page is
     * read and counted again: its batches already queued cost a second claim each, not a second
     * share of the quota.
     */
    private void enqueueAndSave(List<Recipient> recipients, DailyQuota.Grant grant, Campaign paged) {
        try {
            queue.enqueue(batches(paged, recipients, grant == null ? null : grant.slot()));
            store.save(paged);
        } catch (RuntimeException e) {
            if (grant != null) {
                limits.quota().giveBack(grant.slot(), grant.granted());
            }
            throw e;
        }
    }

    /**
     * The last page is saved. Lists with nobody (left) on them send no batch, and batches may all
     * end before the last page's save: then nothing else would finish the campaign.
     */
    private Result finishedPaging(Campaign campaign) {
        campaigns.finishIfAccountedFor(campaign.id()).ifPresent(finished::tellQuietly);
        return Result.DONE;
    }

    private long ahead() {
        long heldByWorkers = (long) limits.rate().workers() * MESSAGES_A_WORKER_TAKES * BATCH;
        return Math.max(LEAST_AHEAD, (long) (limits.rate().total() * AHEAD_SECONDS)) + heldByWorkers;
    }

    /**
     * The daily quota had room for only the first of this page's recipients: those go, the cursor
     * stops after the last of them, and fan-out goes on by itself when the quota frees up (or
     * looks within the hour, should it be raised or freed sooner). The schedule comes after the
     * save, so a failure to make it fails the request, which comes again.
     */
    private Result waitForQuota(Campaign campaign, int index, List<Recipient> recipients, DailyQuota.Grant grant) {
        List<Recipient> fits = recipients.subList(0, grant.granted());
        FanOutCursor next = fits.isEmpty() ? campaign.cursor() : new FanOutCursor(index, fits.getLast().subscriberId());
        QuotaWait wait = new QuotaWait(grant.freesAt(), grant.dailyQuota());
        enqueueAndSave(fits, grant, campaign.waitForQuota(next, fits.size(), wait, clock.instant()));
        Instant look = clock.instant().plus(QUOTA_LOOK);
        limits.scheduler().scheduleFanOut(campaign.id(), wait.until().isBefore(look) ? wait.until() : look);
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
