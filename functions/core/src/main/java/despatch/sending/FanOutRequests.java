package despatch.sending;

import java.time.Duration;

/** Asks for a campaign's fan-out to run (or to continue where it stopped); an SQS queue in AWS. */
public interface FanOutRequests {
    void request(String campaignId);

    /**
     * The same, after {@code delay} (at most SQS's 15 minutes).
     *
     * @param idleLooks how many looks in a row have found nothing to page, so the next waits longer
     */
    void requestLater(String campaignId, Duration delay, int idleLooks);
}
