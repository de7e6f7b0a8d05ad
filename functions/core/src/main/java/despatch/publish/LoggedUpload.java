package despatch.publish;

import java.time.Instant;
import java.util.List;

/**
 * What became of one upload, as the dashboard lists the latest: its file, the outcome in words
 * (published, corrected, scheduled, awaiting approval, unpublished, rejected), its article's slug
 * if it had one, and a rejected upload's reasons as a person reads them.
 */
public record LoggedUpload(String uploadKey, String outcome, String slug, List<String> reasons, Instant at) {

    public LoggedUpload {
        slug = slug == null ? "" : slug;
        reasons = List.copyOf(reasons);
    }

    /** The outcome as logged; empty for an ignored key (not an article upload). */
    static java.util.Optional<LoggedUpload> of(PublishOutcome outcome, Instant at) {
        return java.util.Optional.ofNullable(switch (outcome) {
            case PublishOutcome.Published p -> new LoggedUpload(p.uploadKey(), p.corrected() ? "corrected" : "published", p.slug(), List.of(), at);
            case PublishOutcome.Scheduled s -> new LoggedUpload(s.uploadKey(), "scheduled", s.slug(), List.of(), at);
            case PublishOutcome.AwaitingApproval a -> new LoggedUpload(a.uploadKey(), "awaiting approval", a.slug(), List.of(), at);
            case PublishOutcome.Unpublished u -> new LoggedUpload(u.uploadKey(), "unpublished", u.slug(), List.of(), at);
            case PublishOutcome.Rejected r -> new LoggedUpload(r.uploadKey(), "rejected", "",
                    r.problems().stream().map(problem -> problem.where() + ": " + problem.message()).toList(), at);
            case PublishOutcome.Ignored i -> null;
        });
    }
}
