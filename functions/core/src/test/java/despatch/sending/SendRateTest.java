package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import despatch.subscription.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SendRateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final AtomicReference<Double> sesRate = new AtomicReference<>(100.0);
    private final AtomicInteger reads = new AtomicInteger();
    private final SendingAccount account = () -> {
        reads.incrementAndGet();
        if (sesRate.get() == null) {
            throw new IllegalStateException("SES unreachable");
        }
        return new SendQuota(sesRate.get(), 50_000, 0);
    };

    @Test
    void eachWorkerTakesItsShareOfWhatSesAllowsUnderTheOfficesCap() {
        assertEquals(50, new SendRate(account, 0, 2, clock).perWorker(), "no cap: SES's 100 a second, two ways");
        assertEquals(15, new SendRate(account, 30, 2, clock).perWorker(), "a cap of 30 leaves room for other mail");
        assertEquals(25, new SendRate(account, 500, 4, clock).perWorker(), "a cap above SES's rate changes nothing");
    }

    @Test
    void aRaiseSesGrantsIsUsedWithinMinutesAndSesIsNotAskedBeforeEachSend() {
        SendRate rate = new SendRate(account, 0, 2, clock);
        assertEquals(50, rate.perWorker());
        sesRate.set(500.0);
        clock.advance(SendRate.REREAD.minusSeconds(1));
        for (int i = 0; i < 1_000; i++) {
            assertEquals(50, rate.perWorker());
        }
        assertEquals(1, reads.get(), "one GetAccount for a thousand sends");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(250, rate.perWorker());
    }

    @Test
    void withNoRateKnownTheBatchFailsRatherThanGuessAndALaterFailureKeepsTheLastRate() {
        sesRate.set(null);
        assertThrows(IllegalStateException.class, () -> new SendRate(account, 0, 2, clock).perWorker());

        sesRate.set(100.0);
        SendRate rate = new SendRate(account, 0, 2, clock);
        assertEquals(50, rate.perWorker());
        sesRate.set(null);
        clock.advance(SendRate.REREAD);
        assertEquals(50, rate.perWorker(), "SES out of reach for a moment: the rate read before stands");
    }
}
