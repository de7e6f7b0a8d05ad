package despatch.sending;

import despatch.subscription.SubscriptionLinks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends queue batches: loads and splits each campaign's email once per container (a warm worker
 * sees many batches of one campaign) and hands each batch to the {@link SendWorker}.
 */
public final class BatchSender {
    private final CampaignEmails emails;
    private final CampaignOutcomes campaigns;
    private final SendWorker worker;
    private final SubscriptionLinks links;
    private final String unsubscribeMailbox;
    private final Map<String, MessageBuilder> builders = new ConcurrentHashMap<>();
    private final DailyQuota quota;

    public BatchSender(CampaignEmails emails, CampaignOutcomes campaigns, SendWorker worker, SubscriptionLinks links,
            String unsubscribeMailbox) {
        this(emails, campaigns, worker, links, unsubscribeMailbox, null);
    }

    /** @param quota given back what fan-out counted against it and SES never took (suppressed, refused); null for none */
    public BatchSender(CampaignEmails emails, CampaignOutcomes campaigns, SendWorker worker, SubscriptionLinks links,
            String unsubscribeMailbox, DailyQuota quota) {
        this.quota = quota;
        this.emails = emails;
        this.campaigns = campaigns;
        this.worker = worker;
        this.links = links;
        this.unsubscribeMailbox = unsubscribeMailbox;
    }

    /**
     * Sends the batch if its campaign is sending. A finished campaign's batch (a late duplicate, or
     * after a cancel) is dropped; a paused or held one's comes back later, all of it.
     */
    /**
     * Re-reads the campaign's status every few seconds while a batch is sent, so a cancel or a
     * pause stops a worker within seconds rather than after its whole batch.
     */
    private final class StillSending {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private final String campaignId;
        private long lastCheck = System.nanoTime();
        private boolean sending = true;

        StillSending(String campaignId) {
            this.campaignId = campaignId;
        }

        boolean check() {
            if (sending && System.nanoTime() - lastCheck > EVERY_NANOS) {
                lastCheck = System.nanoTime();
                sending = campaigns.sending(campaignId).isPresent();
            }
            return sending;
        }
    }

    public BatchOutcome send(SendBatch batch) {
        return send(batch, () -> true);
    }

    /** @param timeLeft false once the invocation is near its end; see {@link SendWorker#send} */
    public BatchOutcome send(SendBatch batch, java.util.function.BooleanSupplier timeLeft) {
        java.util.Optional<CampaignStatus> status = campaigns.status(batch.campaignId());
        if (status.orElse(null) != CampaignStatus.SENDING) {
            if (status.orElse(null) == CampaignStatus.CANCELLED) {
                // Never to be sent: what fan-out counted for them is free again for other campaigns today.
                giveBack(batch, batch.recipients().size());
            }
            List<Recipient> later = status.map(CampaignStatus::isFinished).orElse(true) ? List.of() : batch.recipients();
            // Paused or held: it waits for staff, so its recipients wait the longest before they look again.
            return new BatchOutcome(Map.of(), List.of(), List.of(), later, !later.isEmpty());
        }
        MessageBuilder builder = builders.get(batch.campaignId());
        if (builder == null) {
            // Read outside the map's lock: batches of one campaign sent side by side must not wait on each other's read of S3.
            CampaignEmails.StoredEmail email = emails.load(batch.slug());
            builders.putIfAbsent(batch.campaignId(), new MessageBuilder(batch.campaignId(), email.subject(),
                    new EmailTemplate(email.html(), email.text()), links, unsubscribeMailbox));
            builder = builders.get(batch.campaignId());
        }
        StillSending stillSending = new StillSending(batch.campaignId());
        BatchOutcome outcome;
        try {
            outcome = worker.send(batch.campaignId(), batch.lists(), builder, batch.recipients(),
                    () -> timeLeft.getAsBoolean() && stillSending.check());
        } catch (SendBatchFailedException e) {
            // What it did is counted before the batch fails and comes back: those it finished read as already claimed then.
            record(batch, e.partial());
            throw e;
        }
        record(batch, outcome);
        return outcome;
    }

    private void record(SendBatch batch, BatchOutcome outcome) {
        campaigns.record(batch.campaignId(), outcome);
        // Suppressed before the send, or refused by SES: neither counts against the account's daily quota.
        giveBack(batch, (int) outcome.ended().values().stream().filter(s -> s != DeliveryState.SENT).count());
    }

    private void giveBack(SendBatch batch, int count) {
        if (quota == null) {
            return;
        }
        try {
            quota.giveBack(batch.quotaSlot(), count);
        } catch (RuntimeException e) {
            // Left counted, the day's quota is only used more cautiously: not worth failing a batch that was sent.
        }
    }
}
