package despatch.console;

import java.net.URI;
import java.util.Optional;

/**
 * Signing staff in at the office's identity provider (Cognito in AWS, the local provider here).
 */
public interface StaffSignIn {

    /**
     * A new sign-in, and where to send the browser for it.
     *
     * @param redirectUri the console's address the provider is to send the browser back to: the
     *                    address the request came in on, since the console cannot know its own
     *                    (the provider refuses any that is not registered for the console)
     */
    PendingSignIn begin(URI redirectUri);

    /**
     * The browser is back at the console's redirect address.
     *
     * @param callback the full address it came back to, query included
     * @param pending  what {@link #begin(URI)} gave for this browser
     */
    StaffIdentity finish(URI callback, PendingSignIn pending) throws SignInRefusedException;

    /**
     * Where to send the browser to end the provider's own session too, so that signing in again
     * asks for the password; it comes back to {@code afterSignOut}. Empty when the provider
     * offers no such address.
     */
    Optional<URI> signOutUrl(URI afterSignOut);
}
