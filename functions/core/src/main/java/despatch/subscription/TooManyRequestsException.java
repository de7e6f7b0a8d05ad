package despatch.subscription;

/** One network has asked for too many confirmation mails today. */
public class TooManyRequestsException extends Exception {
    public TooManyRequestsException() {
        super("Too many sign-ups from this network today");
    }
}
