package despatch.common;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Hands out evenly spaced slots at a given rate across all threads of one process: each caller
 * waits for its slot. Several processes share a total rate by each taking its share.
 */
public final class Pacer {
    private final long nanosBetween;
    private final LongSupplier nanoTime;
    private final LongConsumer sleeper;
    private long nextSlot;

    public Pacer(double perSecond) {
        this(perSecond, System::nanoTime, Pacer::sleep);
    }

    /** For tests: a clock and a way to wait that need no real time. */
    public Pacer(double perSecond, LongSupplier nanoTime, LongConsumer sleeper) {
        this.nanosBetween = (long) (1_000_000_000L / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextSlot = nanoTime.getAsLong();
    }

    public void awaitSlot() {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + nanosBetween;
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.accept(wait);
        }
    }

    /** Waits this long; an interrupt stops the send rather than letting it go early. */
    static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pacing sends", e);
        }
    }
}
