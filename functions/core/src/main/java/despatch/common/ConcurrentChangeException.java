package despatch.common;

/** Someone else changed the item between our read and our conditional write: read again and retry. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
