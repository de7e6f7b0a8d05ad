package despatch.publish;

import java.time.Clock;
import java.util.List;

/**
 * Tells staff what became of an upload: the person who uploaded it (rejected, waiting for
 * approval, published or scheduled), and the approvers when it waits for them.
 */
public interface PublishNotices {
    /** Nobody is told (uploads from outside the console name nobody to tell). */
    PublishNotices NONE = (uploadKey, uploader, outcome) -> { };

    /** Best effort: a notice that cannot be sent must not undo or repeat the publish. */
    void tell(String uploadKey, Uploader uploader, PublishOutcome outcome);

    /** Every one of these, in turn: one that fails does not stop the others. */
    static PublishNotices all(List<PublishNotices> notices) {
        return (uploadKey, uploader, outcome) -> notices.forEach(notice -> {
            try {
                notice.tell(uploadKey, uploader, outcome);
            } catch (RuntimeException e) {
                // Best effort, as the interface says.
            }
        });
    }

    /** The outcome kept in the upload log, for the dashboard. */
    static PublishNotices logTo(UploadLog log, Clock clock) {
        return (uploadKey, uploader, outcome) -> LoggedUpload.of(outcome, clock.instant()).ifPresent(log::record);
    }
}
