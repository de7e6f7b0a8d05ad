package despatch.console;

import java.net.URI;

/**
 * Signing staff in at the office's identity provider (Cognito in AWS, the local provider here).
 */
public interface StaffSignIn {

    /** A new sign-in, and where to send the browser for it. */
    PendingSignIn begin();

    /**
     * The browser is back at the console's redirect address.
     *
     * @param callback the full address it came back to, query included
     * @param pending  what {@link #begin()} gave for this browser
     */
    StaffIdentity finish(URI callback, PendingSignIn pending) throws SignInRefusedException;
}
