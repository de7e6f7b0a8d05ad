package despatch.common;

/** An address a constituent typed that cannot be mailed; the message says what to change. */
public final class InvalidEmailAddressException extends Exception {
    public InvalidEmailAddressException(String message) {
        super(message);
    }
}
