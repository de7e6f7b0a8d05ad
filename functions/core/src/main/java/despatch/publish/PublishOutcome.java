package despatch.publish;

import despatch.article.Problem;
import java.util.List;

/** What happened to one upload: the handler logs it and the local runner prints it. */
public sealed interface PublishOutcome {
    String uploadKey();

    /** @param corrected an article already on the site was replaced (its email is not sent again) */
    record Published(String uploadKey, String slug, String webPath, boolean corrected, List<String> warnings)
            implements PublishOutcome {
    }

    record Scheduled(String uploadKey, String slug, java.time.Instant embargo, List<String> warnings) implements PublishOutcome {
    }

    /** Taken off the site at the upload's request ({@code unpublish: yes}). */
    record Unpublished(String uploadKey, String slug, List<String> warnings) implements PublishOutcome {
    }

    /** Passed every check, and waits for an approver (the template's SendApproval): nothing published or sent. */
    record AwaitingApproval(String uploadKey, String slug, SendApproval policy) implements PublishOutcome {
    }

    record Rejected(String uploadKey, List<Problem> problems) implements PublishOutcome {
    }

    /** Keys that are not article uploads (our own .error.json files, folder markers). */
    record Ignored(String uploadKey, String reason) implements PublishOutcome {
    }
}
