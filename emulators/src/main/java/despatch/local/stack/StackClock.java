package despatch.local.stack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local stack's time: real time, unless a test has moved it on rather than wait for an
 * embargo. The scheduler emulator fires by it, and tests wire the handlers with it, so both agree.
 */
final class StackClock extends Clock {
    private final AtomicReference<Duration> movedOn;
    private final ZoneId zone;

    StackClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private StackClock(AtomicReference<Duration> movedOn, ZoneId zone) {
        this.movedOn = movedOn;
        this.zone = zone;
    }

    void moveOn(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("The stack's clock only moves on, not back: " + by);
        }
        movedOn.updateAndGet(total -> total.plus(by));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(movedOn.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time, moved on together, seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new StackClock(movedOn, zone);
    }
}
