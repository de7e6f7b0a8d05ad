package despatch.subscription.imports;

/** An import file that cannot be read at all (too large, say); the message says what to do. */
public class UnreadableFileException extends RuntimeException {
    public UnreadableFileException(String message) {
        super(message);
    }
}
