package despatch.console;

import despatch.article.ArticleRejectedException;
import despatch.article.UploadText;
import despatch.common.Hashes;
import despatch.publish.Approval;
import despatch.publish.Approvals;
import despatch.publish.AwaitingApproval;
import despatch.publish.SendApproval;
import despatch.publish.UploadNotFoundException;
import despatch.publish.UploadFingerprints;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * An approver's decision on an upload that waits. Every check comes before the approval is
 * recorded, and a refused decision changes nothing: the approver must be allowed to, the upload
 * must still say exactly what they reviewed, and under two-person approval it must not be their
 * own. The approval is recorded once, so of two approvers pressing at once exactly one sends.
 */
public final class ApprovalDesk {
    private final SendApproval policy;
    private final Approvals approvals;
    private final UploadFingerprints fingerprints;
    private final ApprovedUploads approved;
    private final AuditTrail audit;
    private final Clock clock;

    /** @param audit where each approval is recorded, before the upload is sent on its way */
    public ApprovalDesk(SendApproval policy, Approvals approvals, UploadFingerprints fingerprints, ApprovedUploads approved, AuditTrail audit,
            Clock clock) {
        this.policy = policy;
        this.approvals = approvals;
        this.fingerprints = fingerprints;
        this.approved = approved;
        this.audit = audit;
        this.clock = clock;
    }

    /** What came of an approval. */
    public enum Decision {
        APPROVED, NOT_WAITING, CHANGED_SINCE_REVIEW, OWN_UPLOAD, ALREADY_APPROVED, NOT_AN_APPROVER
    }

    public SendApproval policy() {
        return policy;
    }

    public List<AwaitingApproval> awaiting(int limit) {
        return policy == SendApproval.NONE ? List.of() : approvals.awaiting(limit);
    }

    public Optional<AwaitingApproval> awaitingFor(String uploadKey) {
        return approvals.awaitingFor(uploadKey);
    }

    /** Whether this person may approve this upload at all (role and the two-person rule), before anyone presses anything. */
    public boolean mayApprove(StaffIdentity approver, AwaitingApproval upload) {
        return approver.may(StaffRole.APPROVER) && !(policy == SendApproval.TWO_PERSON && isTheirs(approver, upload));
    }

    /**
     * @param reviewedHash the hash of the version the approver was shown
     */
    public Decision approve(StaffIdentity approver, String uploadKey, String reviewedHash) {
        if (!approver.may(StaffRole.APPROVER)) {
            return Decision.NOT_AN_APPROVER;
        }
        Optional<AwaitingApproval> waiting = approvals.awaitingFor(uploadKey);
        if (waiting.isEmpty()) {
            return Decision.NOT_WAITING;
        }
        if (!waiting.get().contentHash().equals(reviewedHash) || !reviewedHash.equals(currentHash(uploadKey))) {
            return Decision.CHANGED_SINCE_REVIEW;
        }
        if (policy == SendApproval.TWO_PERSON && isTheirs(approver, waiting.get())) {
            return Decision.OWN_UPLOAD;
        }
        Approval approval = new Approval(uploadKey, reviewedHash, waiting.get().since(), approver.subject(), approver.name(),
                clock.instant());
        if (!approvals.approve(approval)) {
            // Approved a moment ago; sending it on again is harmless, and mends a first attempt that failed after recording.
            approved.publishAgain(uploadKey, approver.subject());
            return Decision.ALREADY_APPROVED;
        }
        audit.record(AuditEntry.by(approver, approval.at(), AuditAction.APPROVE, uploadKey + " " + reviewedHash));
        approved.publishAgain(uploadKey, approver.subject());
        return Decision.APPROVED;
    }

    private static boolean isTheirs(StaffIdentity approver, AwaitingApproval upload) {
        return upload.uploader().involves(approver.subject());
    }

    /** The upload's fingerprint now (its bytes and the images beside it that it shows), or empty text when it has gone. */
    private String currentHash(String uploadKey) {
        return fingerprints.of(uploadKey).orElse("");
    }
}
