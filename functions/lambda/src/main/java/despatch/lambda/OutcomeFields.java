package despatch.lambda;

import despatch.publish.PublishOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A publish outcome as plain fields: the handler returns them in full (sam local invoke and the
 * local runner show them) and logs only the ids and counts, since messages quote the upload.
 */
final class OutcomeFields {
    private OutcomeFields() {
    }

    /** Ids and counts only: warnings and problems quote the upload's text, which may hold anything. */
    static Map<String, Object> forLog(Map<String, Object> fields) {
        Map<String, Object> logged = new LinkedHashMap<>(fields);
        logged.computeIfPresent("warnings", (name, value) -> ((java.util.List<?>) value).size());
        logged.computeIfPresent("problems", (name, value) -> ((java.util.List<?>) value).size());
        return logged;
    }

    static Map<String, Object> of(PublishOutcome outcome) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("uploadKey", outcome.uploadKey());
        switch (outcome) {
            case PublishOutcome.Published p -> {
                fields.put("outcome", p.corrected() ? "corrected" : "published");
                fields.put("slug", p.slug());
                fields.put("webPath", p.webPath());
                fields.put("warnings", p.warnings());
            }
            case PublishOutcome.Unpublished u -> {
                fields.put("outcome", "unpublished");
                fields.put("slug", u.slug());
                fields.put("warnings", u.warnings());
            }
            case PublishOutcome.Scheduled s -> {
                fields.put("outcome", "scheduled");
                fields.put("slug", s.slug());
                fields.put("embargo", s.embargo().toString());
                fields.put("warnings", s.warnings());
            }
            case PublishOutcome.AwaitingApproval a -> {
                fields.put("outcome", "awaiting approval");
                fields.put("slug", a.slug());
                fields.put("approval", a.policy().setting());
            }
            case PublishOutcome.Rejected r -> {
                fields.put("outcome", "rejected");
                fields.put("problems", r.problems().stream().map(Object::toString).toList());
            }
            case PublishOutcome.Ignored i -> {
                fields.put("outcome", "ignored");
                fields.put("reason", i.reason());
            }
        }
        return fields;
    }
}
