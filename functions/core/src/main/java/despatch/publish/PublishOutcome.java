package despatch.publish;

import despatch.article.Problem;
import java.util.List;

/** What happened to one upload: the handler logs it and the local runner prints it. */
public sealed interface PublishOutcome {
    String uploadKey();

    record Published(String uploadKey, String slug, String webPath, List<String> warnings) implements PublishOutcome {
    }

    record Scheduled(String uploadKey, String slug, java.time.Instant embargo, List<String> warnings) implements PublishOutcome {
    }

    record Rejected(String uploadKey, List<Problem> problems) implements PublishOutcome {
    }

    /** Keys that are not article uploads (our own .error.json files, folder markers). */
    record Ignored(String uploadKey, String reason) implements PublishOutcome {
    }
}
