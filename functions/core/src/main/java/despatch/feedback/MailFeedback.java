package despatch.feedback;

import java.util.List;

/** What the mail provider reported about a message, as far as suppression cares. */
public sealed interface MailFeedback {
    /** @param permanent a hard bounce (the address does not exist); otherwise a soft one (mailbox full, …) */
    record Bounce(boolean permanent, List<String> recipients) implements MailFeedback {
    }

    /** Someone reported the message as spam. */
    record Complaint(List<String> recipients) implements MailFeedback {
    }

    /**
     * Deliveries, opens, clicks and the rest: counted per campaign only when the office turned
     * tracking on (the configuration set then publishes them), otherwise not acted on.
     *
     * @param campaignId the campaign tag the message was sent with, or empty
     */
    record Other(String type, String campaignId) implements MailFeedback {
    }
}
