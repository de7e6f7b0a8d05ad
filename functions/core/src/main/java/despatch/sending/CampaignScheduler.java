package despatch.sending;

import java.time.Instant;

/**
 * Asks for a campaign to be started at its embargo, or its fan-out to go on once the daily quota
 * frees up: a one-time EventBridge Scheduler schedule in AWS, which puts the request on the
 * fan-out queue at that moment.
 */
public interface CampaignScheduler {
    void scheduleStart(String campaignId, Instant at);

    /** Asks for fan-out to go on at {@code at}: the account's SES daily quota frees up then. */
    void scheduleFanOut(String campaignId, Instant at);
}
