package despatch.sending;

import despatch.common.OptimisticRetry;
import despatch.subscription.Member;
import despatch.subscription.MemberPage;
import despatch.subscription.SubscriberStore;
import java.time.Clock;
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

    public enum Result { DONE, CONTINUE, NOT_SENDING }

    private final CampaignUpdates campaigns;
    private final CampaignStore store;
    private final SubscriberStore subscribers;
    private final SendQueue queue;
    private final FanOutRequests requests;
    private final Clock clock;
    private final CampaignFinished finished;

    public FanOut(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests requests, Clock clock) {
        this(campaigns, subscribers, queue, requests, clock, CampaignFinished.NONE);
    }

    /** @param finished told when fan-out is what finishes the campaign (its batches all ended before it did) */
    public FanOut(CampaignStore campaigns, SubscriberStore subscribers, SendQueue queue, FanOutRequests requests, Clock clock,
            CampaignFinished finished) {
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

    /** @return how fan-out ended, or empty when there is more to page */
    private Optional<Result> nextPage(String campaignId, BooleanSupplier timeLeft) {
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
        // An embargoed article for the web only has no list: its start released the page; there is no one to send to.
        FanOutCursor next = FanOutCursor.START;
        List<Recipient> recipients = List.of();
        if (!campaign.lists().isEmpty()) {
            int index = campaign.cursor().listIndex();
            MemberPage page = subscribers.activeMembers(campaign.lists().get(index), campaign.cursor().after(), PAGE);
            Set<String> earlier = new HashSet<>(campaign.lists().subList(0, index));
            recipients = page.members().stream()
                    .filter(member -> !reachedEarlier(member, earlier, campaign))
                    .map(member -> new Recipient(member.subscriberId(), member.address()))
                    .toList();
            queue.enqueue(batches(campaign, recipients));
            next = page.nextCursor().map(after -> new FanOutCursor(index, after)).orElse(new FanOutCursor(index + 1, null));
        }
        boolean done = next.listIndex() >= campaign.lists().size();
        // Cancelled, or another fan-out moved on: the retry reads again and follows it.
        store.save(campaign.advance(next, done, recipients.size(), clock.instant()));
        if (!done) {
            return Optional.empty();
        }
        // Lists with nobody (left) on them send no batch, and batches may all end before this page's
        // save: then nothing else would finish the campaign.
        campaigns.finishIfAccountedFor(campaignId).ifPresent(finished::tellQuietly);
        return Optional.of(Result.DONE);
    }

    /**
     * Whether this member was already enqueued from an earlier list of the campaign. Only a
     * membership written before the campaign began is trusted for that: someone whose lists changed
     * during fan-out is enqueued again, and the delivery claim stops a second copy.
     */
    private static boolean reachedEarlier(Member member, Set<String> earlierLists, Campaign campaign) {
        return !member.since().isAfter(campaign.createdAt()) && !Collections.disjoint(member.lists(), earlierLists);
    }

    /** The recipients in queue messages of at most {@link #BATCH}. */
    static List<SendBatch> batches(Campaign campaign, List<Recipient> recipients) {
        List<SendBatch> batches = new ArrayList<>();
        for (int from = 0; from < recipients.size(); from += BATCH) {
            batches.add(new SendBatch(campaign.id(), campaign.slug(), new HashSet<>(campaign.lists()),
                    recipients.subList(from, Math.min(recipients.size(), from + BATCH))));
        }
        return batches;
    }
}
