package despatch.sending;

/**
 * What fan-out keeps a campaign to: the account's SES daily quota, which each page is counted
 * against, and the rate the workers send at, which sets how far ahead of them it runs.
 *
 * @param scheduler asked to go on with fan-out when the daily quota frees up
 */
public record SendingLimits(DailyQuota quota, SendRate rate, CampaignScheduler scheduler) {
}
