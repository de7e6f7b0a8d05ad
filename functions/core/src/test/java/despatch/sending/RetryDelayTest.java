package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelayTest {
    @Test
    void throttledRecipientsBackOffExponentiallyUpToSqssFifteenMinuteLimit() {
        assertEquals(Duration.ofSeconds(15), RetryDelay.DEFAULT.after(1, false));
        assertEquals(Duration.ofSeconds(30), RetryDelay.DEFAULT.after(2, false));
        assertEquals(Duration.ofSeconds(240), RetryDelay.DEFAULT.after(5, false));
        assertEquals(Duration.ofMinutes(15), RetryDelay.DEFAULT.after(12, false));
        assertEquals(Duration.ofMinutes(15), new RetryDelay(Duration.ofSeconds(15), Duration.ofHours(1)).after(30, false));
    }

    @Test
    void aPausedCampaignWaitsTheLongestWhateverTheAttempt() {
        assertEquals(Duration.ofMinutes(15), RetryDelay.DEFAULT.after(1, true));
    }
}
