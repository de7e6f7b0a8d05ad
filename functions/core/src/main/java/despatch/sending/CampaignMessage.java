package despatch.sending;

import despatch.common.EmailAddress;
import java.util.Map;

/**
 * One recipient's copy of a campaign email, ready for the mailer: both parts personalised, the
 * unsubscribe headers of RFC 2369 and RFC 8058, and tags that tie SES events back to the campaign.
 */
public record CampaignMessage(EmailAddress to, String subject, String html, String text, Map<String, String> headers,
        Map<String, String> tags) {
}
