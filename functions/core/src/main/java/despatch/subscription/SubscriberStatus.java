package despatch.subscription;

import despatch.common.RefusedTransitionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a subscriber stands, with every allowed move in one place. Bounced, complained and
 * erased addresses are suppressed: a later subscribe starts a fresh confirmation rather than
 * reactivating them silently.
 */
public enum SubscriberStatus {
    PENDING, ACTIVE, UNSUBSCRIBED, BOUNCED, COMPLAINED, ERASED;

    private static final Map<SubscriberStatus, Set<SubscriberStatus>> MOVES = Map.of(
            // The confirmation mail itself can bounce or be reported as spam.
            PENDING, EnumSet.of(PENDING, ACTIVE, UNSUBSCRIBED, BOUNCED, COMPLAINED, ERASED),
            ACTIVE, EnumSet.of(ACTIVE, UNSUBSCRIBED, BOUNCED, COMPLAINED, ERASED),
            UNSUBSCRIBED, EnumSet.of(PENDING, UNSUBSCRIBED, ERASED),
            BOUNCED, EnumSet.of(PENDING, BOUNCED, ERASED),
            COMPLAINED, EnumSet.of(PENDING, COMPLAINED, ERASED),
            ERASED, EnumSet.of(PENDING, ERASED));

    public boolean canMoveTo(SubscriberStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** The only status that receives newsletters. */
    public boolean receivesMail() {
        return this == ACTIVE;
    }

    /** Never mailed again without a fresh, confirmed opt-in. */
    public boolean isSuppressed() {
        return this == BOUNCED || this == COMPLAINED || this == ERASED;
    }

    public SubscriberStatus moveTo(SubscriberStatus next) {
        if (!canMoveTo(next)) {
            throw new RefusedTransitionException("A " + this + " subscriber cannot become " + next);
        }
        return next;
    }
}
