package despatch.publish;

/** The upload named by an event is no longer there (deleted or replaced in between). */
public final class UploadNotFoundException extends RuntimeException {
    public UploadNotFoundException(String key) {
        super("No upload at " + key);
    }
}
