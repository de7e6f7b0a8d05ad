package despatch.publish;

import despatch.article.Article;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where publishing stops for approval: after every check has passed, before the first write. An
 * upload goes on only when its exact bytes have been approved (so a file changed after review is
 * not sent on an old approval); otherwise it is recorded as waiting and nothing is written.
 */
public final class ApprovalGate {
    private final SendApproval policy;
    private final Approvals approvals;

    public ApprovalGate(SendApproval policy, Approvals approvals) {
        this.policy = policy;
        this.approvals = approvals;
    }

    /** Today's behaviour: every upload goes straight on. */
    public static ApprovalGate none() {
        return new ApprovalGate(SendApproval.NONE, null);
    }

    public SendApproval policy() {
        return policy;
    }

    /**
     * @param contentHash the upload's bytes' hash
     * @return the outcome when the upload must wait; empty when it may go on
     */
    Optional<PublishOutcome> hold(String uploadKey, String contentHash, Article article, Supplier<Uploader> uploader, Instant now) {
        if (policy == SendApproval.NONE || approved(uploadKey, contentHash)) {
            return Optional.empty();
        }
        Instant embargo = article.embargoTime().map(time -> time.toInstant()).orElse(null);
        approvals.await(new AwaitingApproval(uploadKey, contentHash, article.slug(), article.title(), article.lists(), embargo,
                uploader.get(), now));
        return Optional.of(new PublishOutcome.AwaitingApproval(uploadKey, article.slug(), policy));
    }

    /**
     * Approved while it waits now: an approval counts only for the waiting it was given in, so
     * bytes approved once and replaced cannot come back later on that old approval.
     */
    private boolean approved(String uploadKey, String contentHash) {
        return approvals.awaitingFor(uploadKey).filter(waiting -> waiting.contentHash().equals(contentHash))
                .flatMap(waiting -> approvals.approvalOf(uploadKey, contentHash, waiting.since())).isPresent();
    }

    /** The upload went on (published, scheduled or taken down): it waits no more. */
    void done(String uploadKey) {
        if (policy != SendApproval.NONE) {
            approvals.clearAwaiting(uploadKey);
        }
    }
}
