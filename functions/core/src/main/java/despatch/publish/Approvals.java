package despatch.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Uploads waiting for approval, and the approvals given. */
public interface Approvals {

    /** Records the upload as waiting, replacing an earlier version of the same file. */
    void await(AwaitingApproval request);

    /** The upload no longer waits: it was published, or taken down. */
    void clearAwaiting(String uploadKey);

    /** The uploads waiting, oldest first. */
    List<AwaitingApproval> awaiting(int limit);

    Optional<AwaitingApproval> awaitingFor(String uploadKey);

    /**
     * Records the approval unless this version of the upload, waiting since then, has one already:
     * of two approvers pressing at once, exactly one succeeds.
     *
     * @return false when it was approved already
     */
    boolean approve(Approval approval);

    /** The approval of these bytes while they waited since {@code waitingSince}: an older one does not count. */
    Optional<Approval> approvalOf(String uploadKey, String contentHash, Instant waitingSince);
}
