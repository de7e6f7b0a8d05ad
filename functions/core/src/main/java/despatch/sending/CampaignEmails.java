package despatch.sending;

/** Where a published article's rendered email waits for sending (rendered/&lt;slug&gt;/ in S3). */
public interface CampaignEmails {
    StoredEmail load(String slug);

    /** The subject and both parts, with the unsubscribe placeholder still in them. */
    record StoredEmail(String subject, String html, String text) {
    }
}
