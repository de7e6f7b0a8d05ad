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
 * @param signOutEndpoint where to end the provider's session when its discovery document names no
 *                    {@code end_session_endpoint}: Cognito's {@code /logout} on the user pool's
 *                    domain, which takes {@code client_id} and {@code logout_uri}
 */
public record OidcClient(URI issuer, String clientId, Optional<String> secret, Optional<URI> signOutEndpoint) {

    /** A provider whose discovery document says where to sign out, if anywhere. */
    public OidcClient(URI issuer, String clientId, Optional<String> secret) {
        this(issuer, clientId, secret, Optional.empty());
    }


    public OidcClient {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(signOutEndpoint, "signOutEndpoint");
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "OidcClient[" + issuer + ", " + clientId + (secret.isPresent() ? ", with a secret" : ", public") + "]";
    }
}
