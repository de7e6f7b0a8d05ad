package despatch.sending;

/** The provider refused for now (rate or quota): nothing was sent; try again later. */
public class MailThrottledException extends Exception {
    public MailThrottledException(String message) {
        super(message);
    }
}
