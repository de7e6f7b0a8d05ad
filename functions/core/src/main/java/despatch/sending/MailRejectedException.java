package despatch.sending;

/** This message can never be sent as it is (for example SES rejects the address); retrying will not help. */
public class MailRejectedException extends Exception {
    public MailRejectedException(String message) {
        super(message);
    }
}
