package despatch.publish;

/**
 * Tells staff what became of an upload: the person who uploaded it (rejected, waiting for
 * approval, published or scheduled), and the approvers when it waits for them.
 */
public interface PublishNotices {
    /** Nobody is told (uploads from outside the console name nobody to tell). */
    PublishNotices NONE = (uploadKey, uploader, outcome) -> { };

    /** Best effort: a notice that cannot be sent must not undo or repeat the publish. */
    void tell(String uploadKey, Uploader uploader, PublishOutcome outcome);
}
