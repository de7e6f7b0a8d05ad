package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import despatch.common.EmailAddress;
import despatch.subscription.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DailyQuotaGateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final AtomicInteger sesCalls = new AtomicInteger();
    private final AtomicBoolean quotaUsedUp = new AtomicBoolean(true);
    private final DailyQuotaGate gate = new DailyQuotaGate(message -> {
        sesCalls.incrementAndGet();
        if (quotaUsedUp.get()) {
            throw new DailyQuotaReachedException("Daily message quota exceeded.");
        }
        return "message-id";
    }, clock);

    @Test
    void onceSesSaysTheDailyQuotaIsUsedUpItIsNotAskedAgainForTenMinutes() throws Exception {
        CampaignMessage message = new CampaignMessage(EmailAddress.parse("a@example.org"), "Subject", "<p>Hi</p>", "Hi",
                java.util.Map.of(), java.util.Map.of("campaign", "c-1"));
        assertThrows(DailyQuotaReachedException.class, () -> gate.send(message));
        for (int i = 0; i < 500; i++) {
            assertThrows(MailThrottledException.class, () -> gate.send(message));
        }
        assertEquals(1, sesCalls.get(), "500 sends handed back without a refused request each");

        quotaUsedUp.set(false);
        clock.advance(DailyQuotaGate.CLOSED_FOR.minus(Duration.ofSeconds(1)));
        assertThrows(MailThrottledException.class, () -> gate.send(message));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("message-id", gate.send(message));
        assertEquals(2, sesCalls.get());
    }
}
