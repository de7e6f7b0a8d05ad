package despatch.sending;

import java.time.Instant;

/**
 * Asks for a campaign to be started at its embargo: a one-time EventBridge Scheduler schedule in
 * AWS, which puts a start request on the fan-out queue at that moment.
 */
public interface CampaignScheduler {
    void scheduleStart(String campaignId, Instant at);
}
