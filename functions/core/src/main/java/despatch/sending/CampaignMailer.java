package despatch.sending;

/** Sends one campaign message; SESv2 in AWS. */
public interface CampaignMailer {
    /**
     * @return the provider's message id
     * @throws MailThrottledException when the provider asked us to slow down: nothing was sent
     * @throws SendingPausedException when the account's sending is paused: nothing was sent
     * @throws MailRejectedException when this message can never be sent as it is
     */
    String send(CampaignMessage message) throws MailThrottledException, SendingPausedException, MailRejectedException;
}
