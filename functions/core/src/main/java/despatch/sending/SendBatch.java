package despatch.sending;

import java.util.List;
import java.util.Set;

/**
 * One message on the send queue: a campaign, the article whose rendered email it sends, the
 * campaign's lists (to check each person still belongs), and up to a few dozen recipients.
 * Addresses travel in the queue because fan-out read them from the list memberships anyway;
 * SQS encrypts them at rest. Its wire form is {@code despatch.messages.SendBatchCodec}.
 */
public record SendBatch(String campaignId, String slug, Set<String> lists, List<Recipient> recipients, int attempt) {
    public SendBatch {
        lists = Set.copyOf(lists);
        recipients = List.copyOf(recipients);
        attempt = Math.max(1, attempt);
    }

    public SendBatch(String campaignId, String slug, Set<String> lists, List<Recipient> recipients) {
        this(campaignId, slug, lists, recipients, 1);
    }

    /** The recipients this try did not reach, for the next one. */
    public SendBatch retrying(List<Recipient> unsent) {
        return new SendBatch(campaignId, slug, lists, unsent, attempt + 1);
    }
}
