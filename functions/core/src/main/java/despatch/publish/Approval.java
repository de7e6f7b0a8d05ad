package despatch.publish;

import java.time.Instant;

/** An approver's yes to one version of an upload (its bytes' hash), and no other. */
public record Approval(String uploadKey, String contentHash, String approverSubject, String approverName, Instant at) {
}
