package despatch.console;

/**
 * A sign-in that must not succeed: the provider said no, the answer does not belong to this
 * browser's sign-in, or the ID token fails validation. The message says which, for the log and
 * the page; it never contains a token.
 */
public final class SignInRefusedException extends Exception {

    public SignInRefusedException(String message) {
        super(message);
    }

    public SignInRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
