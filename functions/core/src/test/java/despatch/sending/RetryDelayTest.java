package despatch.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelayTest {
    @Test
    void throttledBatchesBackOffExponentiallyUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(15), RetryDelay.after(1, false));
        assertEquals(Duration.ofSeconds(30), RetryDelay.after(2, false));
        assertEquals(Duration.ofSeconds(240), RetryDelay.after(5, false));
        assertEquals(Duration.ofMinutes(5), RetryDelay.after(9, false));
    }

    @Test
    void aPausedAccountWaitsLongerWhateverTheCount() {
        assertEquals(Duration.ofMinutes(15), RetryDelay.after(1, true));
    }
}
