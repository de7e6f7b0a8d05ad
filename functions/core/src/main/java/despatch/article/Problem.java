package despatch.article;

/**
 * One thing wrong with an upload, said so that a press officer knows what to change.
 *
 * @param where the part of the upload at fault, e.g. "front matter: embargo" or "file"
 */
public record Problem(String where, String message) {
    @Override
    public String toString() {
        return where + ": " + message;
    }
}
