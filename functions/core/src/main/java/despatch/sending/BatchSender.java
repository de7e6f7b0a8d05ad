package despatch.sending;

import despatch.subscription.SubscriptionLinks;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends queue batches: loads and splits each campaign's email once per container (a warm worker
 * sees many batches of one campaign) and hands each batch to the {@link SendWorker}.
 */
public final class BatchSender {
    private final CampaignEmails emails;
    private final SendWorker worker;
    private final SubscriptionLinks links;
    private final String unsubscribeMailbox;
    private final Map<String, MessageBuilder> builders = new ConcurrentHashMap<>();

    public BatchSender(CampaignEmails emails, SendWorker worker, SubscriptionLinks links, String unsubscribeMailbox) {
        this.emails = emails;
        this.worker = worker;
        this.links = links;
        this.unsubscribeMailbox = unsubscribeMailbox;
    }

    public BatchOutcome send(SendBatch batch) {
        MessageBuilder builder = builders.computeIfAbsent(batch.campaignId(), campaign -> {
            CampaignEmails.StoredEmail email = emails.load(batch.slug());
            return new MessageBuilder(campaign, email.subject(), new EmailTemplate(email.html(), email.text()), links, unsubscribeMailbox);
        });
        return worker.send(batch.campaignId(), batch.lists(), builder, batch.recipients());
    }
}
