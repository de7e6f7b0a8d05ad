package despatch.local.stack;

import java.util.Locale;

/**
 * The sending quota the local SES answers GetAccount with. The emulator reports it as set and
 * counts nothing, so SentLast24Hours stays as given: Despatch keeps its own count of what it sent.
 *
 * @param maxSendRate   emails a second
 * @param max24HourSend emails in any 24 hours, or -1 for no limit
 */
public record SesAccountQuota(double maxSendRate, double max24HourSend) {
    /** An account just out of SES's sandbox: 14 a second, 50,000 a day. */
    public static final SesAccountQuota NEW_PRODUCTION_ACCOUNT = new SesAccountQuota(14, 50_000);

    public SesAccountQuota {
        if (!(maxSendRate > 0)) {
            throw new IllegalArgumentException("SES's rate is above zero, not " + maxSendRate);
        }
        if (max24HourSend < 0 && max24HourSend != -1) {
            throw new IllegalArgumentException("A daily quota is -1 (none) or at least zero, not " + max24HourSend);
        }
    }

    String json() {
        return String.format(Locale.ROOT, "{\"Max24HourSend\":%s,\"MaxSendRate\":%s,\"SentLast24Hours\":0}", number(max24HourSend),
                number(maxSendRate));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
