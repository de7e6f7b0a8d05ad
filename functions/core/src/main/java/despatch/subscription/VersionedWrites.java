package despatch.subscription;

import despatch.common.ConcurrentChangeException;
import despatch.office.Office;
import java.util.HashSet;
import java.util.Set;

/**
 * What every read-then-write on a subscriber shares: running the step again from a fresh read when
 * another writer got there first, and working out which list memberships a change removes.
 */
final class VersionedWrites {
    private static final int ATTEMPTS = 4;

    private VersionedWrites() {
    }

    /** A read-then-write step, which may lose a race to another writer and must then run again. */
    interface Step<T, E extends Exception> {
        T run() throws E;
    }

    static <T, E extends Exception> T retrying(Step<T, E> step) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (ConcurrentChangeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The lists whose memberships must go: every configured list, and every list the subscriber
     * had before (a list since removed from the configuration included), less those now active.
     */
    static Set<String> listsToLeave(Office office, Subscriber next, Subscriber before) {
        Set<String> others = new HashSet<>(office.lists().keySet());
        others.addAll(before.lists());
        if (next.status() == SubscriberStatus.ACTIVE) {
            others.removeAll(next.lists());
        }
        return others;
    }
}
