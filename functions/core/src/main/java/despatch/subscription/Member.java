package despatch.subscription;

import despatch.common.EmailAddress;
import java.time.Instant;

/**
 * An active subscriber of one list, as the sender and the staff export read them.
 *
 * @param lists every list the subscriber was on when this membership was written, so a campaign
 *     to several lists can tell, without another read, that it reached this person on an earlier one
 */
public record Member(String subscriberId, EmailAddress address, String name, Instant since, java.util.Set<String> lists) {
    public Member {
        lists = lists == null ? java.util.Set.of() : java.util.Set.copyOf(lists);
    }
}
