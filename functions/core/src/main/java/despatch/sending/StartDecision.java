package despatch.sending;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a scheduled campaign may start by itself now. Early is never allowed (an embargo is a
 * promise to journalists); later than the office's tolerance is held for staff, because news
 * sent hours late can be wrong or embarrassing.
 */
public final class StartDecision {
    public enum Verdict { WAIT, START, HOLD }

    private final Duration tolerance;

    /** @param tolerance how late a campaign may still start by itself */
    public StartDecision(Duration tolerance) {
        this.tolerance = tolerance;
    }

    public Verdict decide(Instant slot, Instant now) {
        if (now.isBefore(slot)) {
            return Verdict.WAIT;
        }
        return Duration.between(slot, now).compareTo(tolerance) <= 0 ? Verdict.START : Verdict.HOLD;
    }
}
