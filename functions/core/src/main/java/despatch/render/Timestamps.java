package despatch.render;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Moments as pages and feeds write them: whole seconds, because HTML's datetime allows at most three digits of fraction. */
public final class Timestamps {
    private Timestamps() {
    }

    /** {@code 2026-11-26T12:40:59Z}, or null for null. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
