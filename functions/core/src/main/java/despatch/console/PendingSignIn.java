package despatch.console;

import java.net.URI;
import java.util.Objects;

/**
 * One sign-in under way: the provider's address to send the browser to, and what the console must
 * keep (in a short-lived cookie) to check the answer that comes back.
 *
 * @param authorizationUrl where the browser goes to sign in
 * @param state            echoed by the provider; ties the answer to this browser
 * @param nonce            must come back inside the ID token; ties the token to this sign-in
 * @param codeVerifier     PKCE: proves to the token endpoint that this console asked for the code
 * @param redirectUri      where the provider sends the browser back; the token request must name it again
 */
public record PendingSignIn(URI authorizationUrl, String state, String nonce, String codeVerifier, URI redirectUri) {

    public PendingSignIn {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /** Never the state, nonce or verifier: each is a secret of this browser's sign-in. */
    @Override
    public String toString() {
        return "PendingSignIn[" + authorizationUrl.getHost() + "]";
    }
}
