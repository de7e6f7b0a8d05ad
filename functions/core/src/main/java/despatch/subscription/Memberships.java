package despatch.subscription;

import despatch.office.Office;
import java.util.HashSet;
import java.util.Set;

/** List memberships follow the subscriber item: which ones a change removes. */
final class Memberships {
    private Memberships() {
    }

    /**
     * The lists whose memberships must go: every configured list, and every list the subscriber
     * had before (a list since removed from the configuration included), less those now active.
     */
    static Set<String> toLeave(Office office, Subscriber next, Subscriber before) {
        Set<String> others = new HashSet<>(office.lists().keySet());
        others.addAll(before.lists());
        if (next.status() == SubscriberStatus.ACTIVE) {
            others.removeAll(next.lists());
        }
        return others;
    }
}
