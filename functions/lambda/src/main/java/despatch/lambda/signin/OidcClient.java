package despatch.lambda.signin;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The console as the identity provider knows it.
 *
 * @param issuer      the provider's issuer identifier: Cognito's
 *                    {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}, or the local provider
 * @param clientId    the app client's id; ID tokens must name it as their audience
 * @param secret      the app client's secret, empty for a public client (PKCE alone)
 * @param redirectUri the console's address the provider sends the browser back to
 */
public record OidcClient(URI issuer, String clientId, Optional<String> secret, URI redirectUri) {

    public OidcClient {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "OidcClient[" + issuer + ", " + clientId + (secret.isPresent() ? ", with a secret" : ", public") + ", " + redirectUri + "]";
    }
}
