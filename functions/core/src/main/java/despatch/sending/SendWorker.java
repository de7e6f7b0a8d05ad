package despatch.sending;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends one batch of a campaign, one recipient at a time: claim, check they still receive it,
 * personalise, send, mark. The claim comes before the send and the mark after it, so any repeat
 * of the batch finds the claim and skips that person. A throttle or a pause stops the batch:
 * the current recipient is released for a later attempt (nothing was sent) and the rest are
 * handed back unclaimed. An unexpected failure of the send itself leaves the claim in place, its
 * outcome unknown, for staff to decide; nothing is resent on a guess.
 */
public final class SendWorker {
    private final DeliveryLedger ledger;
    private final RecipientCheck check;
    private final CampaignMailer mailer;
    private final Clock clock;

    public SendWorker(DeliveryLedger ledger, RecipientCheck check, CampaignMailer mailer, Clock clock) {
        this.ledger = ledger;
        this.check = check;
        this.mailer = mailer;
        this.clock = clock;
    }

    public BatchOutcome send(String campaignId, Set<String> lists, MessageBuilder builder, List<Recipient> recipients) {
        return send(campaignId, lists, builder, recipients, () -> true);
    }

    /**
     * @param timeLeft false once the invocation is near its end: the recipients not yet claimed are
     *     handed back to retry, rather than left half-done when Lambda stops the worker
     */
    public BatchOutcome send(String campaignId, Set<String> lists, MessageBuilder builder, List<Recipient> recipients,
            java.util.function.BooleanSupplier timeLeft) {
        Map<String, DeliveryState> ended = new LinkedHashMap<>();
        List<Recipient> alreadyClaimed = new ArrayList<>();
        List<Recipient> unknown = new ArrayList<>();
        List<Recipient> retry = new ArrayList<>();
        boolean paused = false;
        for (int i = 0; i < recipients.size(); i++) {
            Recipient recipient = recipients.get(i);
            String id = recipient.subscriberId();
            if (!timeLeft.getAsBoolean()) {
                retry.addAll(recipients.subList(i, recipients.size()));
                break;
            }
            if (!ledger.claim(campaignId, id, clock.instant())) {
                alreadyClaimed.add(recipient);
                continue;
            }
            boolean receives;
            try {
                receives = check.stillReceives(id, lists);
            } catch (RuntimeException e) {
                // Nothing was sent: release the claim and hand this person and the rest back.
                ledger.mark(campaignId, id, DeliveryState.RETRY, "check failed: " + e.getClass().getSimpleName(), clock.instant());
                retry.addAll(recipients.subList(i, recipients.size()));
                break;
            }
            if (!receives) {
                ledger.mark(campaignId, id, DeliveryState.SUPPRESSED, "no longer subscribed", clock.instant());
                ended.put(id, DeliveryState.SUPPRESSED);
                continue;
            }
            try {
                String messageId = mailer.send(builder.build(recipient));
                ledger.mark(campaignId, id, DeliveryState.SENT, messageId, clock.instant());
                ended.put(id, DeliveryState.SENT);
            } catch (MailRejectedException e) {
                ledger.mark(campaignId, id, DeliveryState.FAILED, e.getMessage(), clock.instant());
                ended.put(id, DeliveryState.FAILED);
            } catch (MailThrottledException | SendingPausedException e) {
                ledger.mark(campaignId, id, DeliveryState.RETRY, e.getMessage(), clock.instant());
                paused = e instanceof SendingPausedException;
                retry.addAll(recipients.subList(i, recipients.size()));
                break;
            } catch (RuntimeException e) {
                // SES may or may not have taken it: the claim stays, and the outcome is reported as unknown.
                unknown.add(recipient);
                retry.addAll(recipients.subList(i + 1, recipients.size()));
                break;
            }
        }
        return new BatchOutcome(ended, alreadyClaimed, unknown, retry, paused);
    }
}
