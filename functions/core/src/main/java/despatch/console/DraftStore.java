package despatch.console;

import despatch.publish.Uploader;
import java.util.Optional;

/**
 * Articles uploaded through the console before they are published: kept under {@code drafts/},
 * where an upload triggers nothing, until someone submits one. A browser's upload form first puts
 * the file under {@code drafts/incoming/}; the console then takes it from there as a draft.
 */
public interface DraftStore {

    /** Keeps the file at {@code key} (under drafts/), naming who uploaded it. */
    void save(String key, byte[] content, Uploader author);

    /** The file an upload form put at {@code key}, read up to {@code maxBytes}; empty if there is none. */
    Optional<IncomingFile> incoming(String key, int maxBytes);

    /** Removes what an upload form put at {@code key} (once taken as a draft, or refused). */
    void discard(String key);

    /** Whether any draft is kept under {@code prefix}: an upload form's draft is made once. */
    boolean anyUnder(String prefix);

    /**
     * Puts the draft where uploads publish from ({@code articleKey}, under articles/), naming who
     * submitted it; from there it takes the same path as any upload.
     */
    void submit(String draftKey, String articleKey, Uploader submittedBy);
}
