package despatch.sending;

import despatch.common.RateWindow;

/**
 * Keeps one send worker to its share of the account's SES rate: with the template's fixed number
 * of workers (the SQS event source's MaximumConcurrency), the total never exceeds the quota, so
 * throttling stays the exception it should be rather than the way the rate is found.
 */
public final class PacedCampaignMailer implements CampaignMailer {
    private final CampaignMailer mailer;
    private final RateWindow pacer;

    public PacedCampaignMailer(CampaignMailer mailer, RateWindow pacer) {
        this.mailer = mailer;
        this.pacer = pacer;
    }

    @Override
    public String send(CampaignMessage message) throws MailThrottledException, SendingPausedException, MailRejectedException {
        try {
            pacer.awaitSlot();
        } catch (IllegalStateException e) {
            // Interrupted while waiting for its slot (the invocation ending): nothing was sent, so the recipient is released.
            throw new MailThrottledException("stopped before its turn to send");
        }
        return mailer.send(message);
    }
}
