package despatch.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker's share of SES's rate: never more in any second, and slots missed are taken later in the second. */
class RateWindowTest {
    private long now;
    private final List<Long> slots = new ArrayList<>();
    private final RateWindow window = new RateWindow(50, () -> now, nanos -> now += nanos);

    private void take(int count) {
        for (int i = 0; i < count; i++) {
            window.awaitSlot();
            slots.add(now);
        }
    }

    @Test
    void neverMoreThanTheShareInAnyOneSecond() {
        take(500);
        for (int from = 0; from < slots.size(); from++) {
            int inSecond = 0;
            for (int to = from; to < slots.size() && slots.get(to) - slots.get(from) < 1_000_000_000L; to++) {
                inSecond++;
            }
            assertTrue(inSecond <= 50, inSecond + " slots in the second from slot " + from);
        }
        assertEquals(9_000_000_000L, slots.getLast() - slots.getFirst(), "500 slots at 50 a second take nine seconds after the first 50");
    }

    @Test
    void slotsMissedWhileNobodyWasReadyAreTakenLaterInTheSecond() {
        take(25);
        now += 600_000_000L; // a batch finished, the next one arrives
        long before = now;
        take(25);
        assertEquals(before, now, "the rest of the second's share at once, not one every 20 ms");
        take(1);
        assertTrue(now >= 1_000_000_000L, "then the window is full until a second after the first");
    }

    @Test
    void aRateOfNothingIsRefusedRatherThanWaitingForever() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new RateWindow(0));
        assertTrue(refused.getMessage().contains("above zero"), refused.getMessage());
    }

    @Test
    void aFractionOfOneASecondIsOneSlotInALongerWindow() {
        RateWindow slow = new RateWindow(0.5, () -> now, nanos -> now += nanos);
        slow.awaitSlot();
        slow.awaitSlot();
        assertEquals(2_000_000_000L, now);
    }
}
