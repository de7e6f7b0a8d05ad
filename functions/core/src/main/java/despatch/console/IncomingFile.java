package despatch.console;

/**
 * A file an upload form put in the bucket, before the console has taken it as a draft.
 *
 * @param uploadedBy the subject the form was issued to (its mark, which the form could not change)
 * @param size       its length in bytes
 * @param content    its bytes, or null when it is longer than the console was willing to read
 */
public record IncomingFile(String uploadedBy, long size, byte[] content) {

    public boolean tooLarge() {
        return content == null;
    }
}
