package despatch.publish;

import java.time.Instant;

/**
 * An approver's yes to one version of an upload (its bytes' hash) while it waited since
 * {@code waitingSince}, and to nothing else: the same bytes uploaded again later wait again.
 */
public record Approval(String uploadKey, String contentHash, Instant waitingSince, String approverSubject, String approverName,
        Instant at) {
}
