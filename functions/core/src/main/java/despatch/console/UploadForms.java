package despatch.console;

import java.net.URI;

/** Issues the forms an editor's browser uploads an article with, straight to the uploads bucket. */
public interface UploadForms {

    /**
     * How large a file the bucket takes at all: a Word document's limit, as one with a couple of
     * phone photographs runs to several megabytes. The console refuses anything over an article's
     * own limit (1 MiB of text) with the reason.
     */
    long BUCKET_LIMIT_BYTES = 20L * 1024 * 1024;

    /**
     * A form for one file, stored under {@code keyPrefix} with its own name, marked as uploaded by
     * {@code uploadedBy} (nobody can change that mark), after which the browser is sent to
     * {@code afterUpload}. It expires a few minutes after it is issued.
     */
    UploadForm issue(String keyPrefix, String uploadedBy, URI afterUpload);
}
