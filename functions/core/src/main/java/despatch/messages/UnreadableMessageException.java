package despatch.messages;

/**
 * A message body that is not its queue's message type. The message says what is wrong, never
 * what the body held: bodies carry email addresses.
 */
public final class UnreadableMessageException extends Exception {
    public UnreadableMessageException(String message) {
        super(message);
    }
}
