package despatch.publish;

import despatch.article.ArticleRejectedException;

/** Where press officers' uploads arrive, and where the reason for a rejection is left beside them. */
public interface UploadStore {
    /**
     * @throws UploadNotFoundException when the upload was removed before we got to it
     * @throws ArticleRejectedException when it is larger than {@code maxBytes} (checked before reading it)
     */
    byte[] read(String key, int maxBytes) throws ArticleRejectedException;

    /** Leaves {@code <key>.error.json} beside the upload; the upload itself is never touched. */
    void recordRejection(String key, String reportJson);

    /** When the upload was last written; empty when it is not there. */
    java.util.Optional<java.time.Instant> lastModified(String key);

    /** Removes a rejection report left by an earlier version of this upload, if any. */
    void clearRejection(String key);

    /** Who put the upload there, as the console names them beside it; unknown for any other way in. */
    default Uploader uploader(String key) {
        return Uploader.UNKNOWN;
    }
}
