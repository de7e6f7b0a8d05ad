package despatch.subscription;

/**
 * Daily ceilings that stop the subscribe form being used to flood someone's inbox or to burn
 * the office's sending reputation.
 *
 * @param mailsPerAddress confirmation and link mails one address can be sent per day
 * @param requestsPerNetwork subscribe and data requests one client IP can make per day
 */
public record SubscriptionLimits(int mailsPerAddress, int requestsPerNetwork) {
    public static final SubscriptionLimits DEFAULT = new SubscriptionLimits(3, 50);
}
