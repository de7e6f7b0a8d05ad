package despatch.common;

import java.util.ArrayDeque;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * At most {@code n} slots in any one second, across all threads of one process. Unlike slots at
 * fixed intervals, a slot missed (no caller was ready: a batch finishing, the next arriving) is not
 * lost but taken later within the second, so a worker keeps to its whole share of SES's rate; and
 * no one-second window ever holds more than the share, so several workers together never pass the
 * account's rate, measured as SES measures it.
 */
public final class RateWindow {
    private static final long SECOND = 1_000_000_000L;

    private final DoubleSupplier perSecond;
    private final LongSupplier nanoTime;
    private final LongConsumer sleeper;
    private final ArrayDeque<Long> granted = new ArrayDeque<>();

    /**
     * @param perSecond this process's share of the rate; a fraction of one a second is one slot in a
     *     longer window, and any other fraction is rounded down (never above the share)
     */
    public RateWindow(double perSecond) {
        this(rate(perSecond), System::nanoTime, Pacer::sleep);
    }

    /** @param perSecond asked before each slot: a share that changes (SES raised the quota) applies from the next slot on */
    public RateWindow(DoubleSupplier perSecond) {
        this(perSecond, System::nanoTime, Pacer::sleep);
    }

    /** For tests: a clock and a way to wait that need no real time. */
    public RateWindow(double perSecond, LongSupplier nanoTime, LongConsumer sleeper) {
        this(rate(perSecond), nanoTime, sleeper);
    }

    private RateWindow(DoubleSupplier perSecond, LongSupplier nanoTime, LongConsumer sleeper) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    private static DoubleSupplier rate(double perSecond) {
        check(perSecond);
        return () -> perSecond;
    }

    private static double check(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a rate must be above zero, not " + perSecond);
        }
        return perSecond;
    }

    /** Waits until a slot is free in the window, and takes it. */
    public void awaitSlot() {
        double rate = check(perSecond.getAsDouble());
        int perWindow = rate >= 1 ? (int) Math.floor(rate) : 1;
        long windowNanos = rate >= 1 ? SECOND : (long) (SECOND / rate);
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
                    granted.pollFirst();
                }
                if (granted.size() < perWindow) {
                    granted.addLast(now);
                    return;
                }
                wait = granted.peekFirst() + windowNanos - now;
            }
            sleeper.accept(wait);
        }
    }
}
