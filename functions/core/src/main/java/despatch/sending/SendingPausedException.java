package despatch.sending;

/** The account's sending is paused (SES does this after too many bounces or complaints): staff must act. */
public class SendingPausedException extends Exception {
    public SendingPausedException(String message) {
        super(message);
    }
}
