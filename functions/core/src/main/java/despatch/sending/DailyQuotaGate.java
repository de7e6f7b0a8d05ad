package despatch.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Never hammers SES once it has said the daily quota is used up: for ten minutes (as SES advises)
 * every send is handed back as throttled without asking SES, so each batch goes back on the queue
 * with its growing delay. Fan-out's own count ({@link DailyQuota}) makes this rare: it happens when
 * other mail on the account used the quota after fan-out counted.
 */
public final class DailyQuotaGate implements CampaignMailer {
    static final Duration CLOSED_FOR = Duration.ofMinutes(10);

    private final CampaignMailer mailer;
    private final Clock clock;
    private volatile Instant closedUntil = Instant.MIN;

    public DailyQuotaGate(CampaignMailer mailer, Clock clock) {
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public String send(CampaignMessage message) throws MailThrottledException, SendingPausedException, MailRejectedException {
        if (clock.instant().isBefore(closedUntil)) {
            throw new DailyQuotaReachedException("SES's daily quota is used up: not tried before " + closedUntil);
        }
        try {
            return mailer.send(message);
        } catch (DailyQuotaReachedException e) {
            closedUntil = clock.instant().plus(CLOSED_FOR);
            throw e;
        }
    }
}
