package despatch.sending;

/** Asks for a campaign's fan-out to run (or to continue where it stopped); an SQS queue in AWS. */
public interface FanOutRequests {
    void request(String campaignId);
}
