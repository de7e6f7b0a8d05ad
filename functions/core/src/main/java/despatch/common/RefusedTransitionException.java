package despatch.common;

/**
 * A domain value was asked for a move its state does not allow (cancelling a sent campaign,
 * confirming a subscriber with nothing pending); the message says what was refused and why.
 * A bug in the caller, not a condition to retry.
 */
public class RefusedTransitionException extends IllegalStateException {
    public RefusedTransitionException(String message) {
        super(message);
    }
}
