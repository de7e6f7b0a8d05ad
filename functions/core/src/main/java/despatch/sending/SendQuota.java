package despatch.sending;

/**
 * What SES allows the account, as SESv2 GetAccount reports it.
 *
 * @param maxSendRate     emails a second
 * @param max24HourSend   emails in any 24 hours; negative for no limit
 * @param sentLast24Hours emails SES counts as sent in the last 24 hours, by anything on the account
 */
public record SendQuota(double maxSendRate, double max24HourSend, double sentLast24Hours) {

    public boolean hasDailyLimit() {
        return max24HourSend >= 0;
    }
}
