package despatch.sending;

import java.time.Instant;

/**
 * A campaign that has sent what the account's SES daily quota allowed, and waits for it to free
 * up: fan-out goes on by itself at {@code until}.
 *
 * @param until      about when enough of the quota frees up to go on
 * @param dailyQuota the account's SES quota for any 24 hours, to tell staff why
 */
public record QuotaWait(Instant until, long dailyQuota) {

    /** What staff are told, in the console and the local CLI, with the numbers and time formatted as each shows them. */
    public static String explain(String sent, String until, String dailyQuota) {
        return sent + " sent; the rest go on by themselves from about " + until + ", as the account's SES daily quota is " + dailyQuota
                + " emails in any 24 hours";
    }
}
