package despatch.console;

import despatch.publish.Uploader;

/**
 * Articles uploaded through the console before they are published: kept under {@code drafts/},
 * where an upload triggers nothing, until someone submits one.
 */
public interface DraftStore {

    /** Keeps the file at {@code key} (under drafts/), naming who uploaded it. */
    void save(String key, byte[] content, Uploader author);

    /**
     * Puts the draft where uploads publish from ({@code articleKey}, under articles/), naming who
     * submitted it; from there it takes the same path as any upload.
     */
    void submit(String draftKey, String articleKey, Uploader submittedBy);
}
