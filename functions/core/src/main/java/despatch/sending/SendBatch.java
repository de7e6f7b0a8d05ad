package despatch.sending;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One message on the send queue: a campaign, the article whose rendered email it sends, the
 * campaign's lists (to check each person still belongs), and up to a few dozen recipients.
 * Addresses travel in the queue because fan-out read them from the list memberships anyway;
 * SQS encrypts them at rest. Its wire form is {@code despatch.messages.SendBatchCodec}.
 *
 * @param quotaSlot where fan-out counted these recipients against the daily quota ({@link DailyQuota}),
 *     so that those never sent are given back there; null when it counted nothing
 */
public record SendBatch(String campaignId, String slug, Set<String> lists, List<Recipient> recipients, int attempt, Instant quotaSlot) {
    public SendBatch {
        lists = Set.copyOf(lists);
        recipients = List.copyOf(recipients);
        attempt = Math.max(1, attempt);
    }

    public SendBatch(String campaignId, String slug, Set<String> lists, List<Recipient> recipients, int attempt) {
        this(campaignId, slug, lists, recipients, attempt, null);
    }

    public SendBatch(String campaignId, String slug, Set<String> lists, List<Recipient> recipients) {
        this(campaignId, slug, lists, recipients, 1);
    }

    /** The recipients this try did not reach, for the next one. */
    public SendBatch retrying(List<Recipient> unsent) {
        return new SendBatch(campaignId, slug, lists, unsent, attempt + 1, quotaSlot);
    }
}
