package despatch.sending;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Sends one batch of a campaign: for each recipient, claim, check they still receive it,
 * personalise, send, mark. The claim comes before the send and the mark after it, so any repeat
 * of the batch finds the claim and skips that person. A throttle or a pause stops the batch:
 * that recipient is released for a later attempt (nothing was sent) and those not yet started are
 * handed back unclaimed. An unexpected failure of the send itself leaves the claim in place, its
 * outcome unknown, for staff to decide; nothing is resent on a guess.
 *
 * <p>Several recipients may be in flight at once (each on a virtual thread), so that a worker's
 * throughput is set by its pacing, not by the round trips of each recipient one after another:
 * in AWS a claim, a check, a send and a mark take tens of milliseconds together. What is in flight
 * when a throttle, a pause or an unknown outcome stops the batch finishes by the same rules, each
 * recipient on its own; nothing new starts. Batches sent at the same time by one worker share its
 * limit of recipients in flight.
 */
public final class SendWorker {
    private final DeliveryLedger ledger;
    private final RecipientCheck check;
    private final CampaignMailer mailer;
    private final Clock clock;
    /** Shared by every batch this worker sends at once: the messages of one delivery go side by side, within one limit. */
    private final InFlightLimit slots;
    /** One recipient at a time, on the caller's thread: no threads to start. */
    private final boolean oneAtATime;

    public SendWorker(DeliveryLedger ledger, RecipientCheck check, CampaignMailer mailer, Clock clock) {
        this(ledger, check, mailer, clock, 1);
    }

    /** @param inFlight how many recipients may be between their claim and their mark at once */
    public SendWorker(DeliveryLedger ledger, RecipientCheck check, CampaignMailer mailer, Clock clock, int inFlight) {
        this(ledger, check, mailer, clock, fixed(inFlight), inFlight == 1);
    }

    /** @param inFlight asked before each recipient starts: the limit may change while the worker lives */
    public SendWorker(DeliveryLedger ledger, RecipientCheck check, CampaignMailer mailer, Clock clock, IntSupplier inFlight) {
        this(ledger, check, mailer, clock, inFlight, false);
    }

    private SendWorker(DeliveryLedger ledger, RecipientCheck check, CampaignMailer mailer, Clock clock, IntSupplier inFlight,
            boolean oneAtATime) {
        this.ledger = ledger;
        this.check = check;
        this.mailer = mailer;
        this.clock = clock;
        this.slots = new InFlightLimit(inFlight);
        this.oneAtATime = oneAtATime;
    }

    private static IntSupplier fixed(int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("at least one recipient must be in flight, not " + inFlight);
        }
        return () -> inFlight;
    }

    public BatchOutcome send(String campaignId, Set<String> lists, MessageBuilder builder, List<Recipient> recipients) {
        return send(campaignId, lists, builder, recipients, () -> true);
    }

    /** What became of one recipient in this batch. */
    private enum Fate { ENDED, ALREADY_CLAIMED, UNKNOWN, RELEASED, NOT_STARTED }

    private record Result(Fate fate, DeliveryState state) {
        static final Result NOT_STARTED = new Result(Fate.NOT_STARTED, null);
    }

    /** Why the batch stops starting recipients, once it does. */
    private static final class Stop {
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicBoolean paused = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
    }

    /**
     * @param timeLeft false once the invocation is near its end: the recipients not yet claimed are
     *     handed back to retry, rather than left half-done when Lambda stops the worker
     */
    public BatchOutcome send(String campaignId, Set<String> lists, MessageBuilder builder, List<Recipient> recipients,
            BooleanSupplier timeLeft) {
        Result[] results = new Result[recipients.size()];
        java.util.Arrays.fill(results, Result.NOT_STARTED);
        Stop stop = new Stop();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < recipients.size(); i++) {
                if (!acquire(stop)) {
                    break;
                }
                int index = i;
                Runnable task = () -> {
                    try {
                        deliver(campaignId, lists, builder, recipients.get(index), stop, results, index);
                    } catch (Throwable e) {
                        // The ledger or the check store failed outside the send (or worse): the batch fails once all
                        // in flight have finished, with what it did counted (SendBatchFailedException).
                        if (!stop.failure.compareAndSet(null, e)) {
                            stop.failure.get().addSuppressed(e);
                        }
                        stop.stopped.set(true);
                    } finally {
                        slots.release();
                    }
                };
                // Until the task holds the slot, this loop does: nothing between may leave it taken.
                try {
                    if (stop.stopped.get() || !timeLeft.getAsBoolean()) {
                        slots.release();
                        break;
                    }
                    if (oneAtATime) {
                        task.run();
                    } else {
                        threads.execute(task);
                    }
                } catch (RuntimeException | Error e) {
                    slots.release();
                    throw e;
                }
            }
        }
        BatchOutcome outcome = outcome(recipients, results, stop.paused.get());
        Throwable failure = stop.failure.get();
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new SendBatchFailedException(outcome, failure);
        }
        return outcome;
    }

    private boolean acquire(Stop stop) {
        try {
            slots.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.stopped.set(true);
            return false;
        }
    }

    /**
     * One recipient: claim, check, send, mark; its result in {@code results[index]}. From the claim
     * on, until the mark settles it, it stands as unknown: should the ledger fail, nobody can say
     * whether it was sent.
     */
    private void deliver(String campaignId, Set<String> lists, MessageBuilder builder, Recipient recipient, Stop stop, Result[] results,
            int index) {
        String id = recipient.subscriberId();
        if (!ledger.claim(campaignId, id, clock.instant())) {
            results[index] = new Result(Fate.ALREADY_CLAIMED, null);
            return;
        }
        results[index] = new Result(Fate.UNKNOWN, null);
        results[index] = afterClaim(campaignId, lists, builder, recipient, stop);
    }

    private Result afterClaim(String campaignId, Set<String> lists, MessageBuilder builder, Recipient recipient, Stop stop) {
        String id = recipient.subscriberId();
        boolean receives;
        try {
            receives = check.stillReceives(id, lists);
        } catch (RuntimeException e) {
            // Nothing was sent: release the claim and hand this person and the rest back.
            ledger.mark(campaignId, id, DeliveryState.RETRY, "check failed: " + e.getClass().getSimpleName(), clock.instant());
            stop.stopped.set(true);
            return new Result(Fate.RELEASED, null);
        }
        if (!receives) {
            ledger.mark(campaignId, id, DeliveryState.SUPPRESSED, "no longer subscribed", clock.instant());
            return new Result(Fate.ENDED, DeliveryState.SUPPRESSED);
        }
        CampaignMessage message;
        try {
            message = builder.build(recipient);
        } catch (RuntimeException e) {
            // Nothing was sent: release the claim, as for a failed check.
            ledger.mark(campaignId, id, DeliveryState.RETRY, "not built: " + e.getClass().getSimpleName(), clock.instant());
            stop.stopped.set(true);
            return new Result(Fate.RELEASED, null);
        }
        try {
            String messageId = mailer.send(message);
            ledger.mark(campaignId, id, DeliveryState.SENT, messageId, clock.instant());
            return new Result(Fate.ENDED, DeliveryState.SENT);
        } catch (MailRejectedException e) {
            ledger.mark(campaignId, id, DeliveryState.FAILED, e.getMessage(), clock.instant());
            return new Result(Fate.ENDED, DeliveryState.FAILED);
        } catch (MailThrottledException | SendingPausedException e) {
            ledger.mark(campaignId, id, DeliveryState.RETRY, e.getMessage(), clock.instant());
            if (e instanceof SendingPausedException) {
                stop.paused.set(true);
            }
            stop.stopped.set(true);
            return new Result(Fate.RELEASED, null);
        } catch (RuntimeException e) {
            // SES may or may not have taken it: the claim stays, and the outcome is reported as unknown.
            stop.stopped.set(true);
            return new Result(Fate.UNKNOWN, null);
        }
    }

    /** In the batch's order: each recipient in exactly one of the lists. */
    private static BatchOutcome outcome(List<Recipient> recipients, Result[] results, boolean paused) {
        Map<String, DeliveryState> ended = new LinkedHashMap<>();
        List<Recipient> alreadyClaimed = new ArrayList<>();
        List<Recipient> unknown = new ArrayList<>();
        List<Recipient> retry = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Recipient recipient = recipients.get(i);
            switch (results[i].fate()) {
                case ENDED -> ended.put(recipient.subscriberId(), results[i].state());
                case ALREADY_CLAIMED -> alreadyClaimed.add(recipient);
                case UNKNOWN -> unknown.add(recipient);
                case RELEASED, NOT_STARTED -> retry.add(recipient);
            }
        }
        return new BatchOutcome(ended, alreadyClaimed, unknown, retry, paused);
    }
}
