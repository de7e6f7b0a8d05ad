package despatch.lambda.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import despatch.console.PendingSignIn;
import despatch.console.SignInRefusedException;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.console.StaffSignIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Staff sign-in by OpenID Connect's authorization code flow with PKCE, the same code against
 * Amazon Cognito and the local stack's provider: the provider is found by discovery from its
 * issuer, and every ID token is checked by the Nimbus SDK (signature against the provider's
 * published keys, issuer, audience, expiry, nonce) before anything in it is believed.
 */
public final class OidcSignIn implements StaffSignIn {
    /** The ID token claim Cognito lists a user's groups in; the local provider uses the same. */
    static final String GROUPS_CLAIM = "cognito:groups";
    private static final Scope SCOPE = new Scope("openid", "email", "profile");
    private static final int TIMEOUT_MILLIS = 5_000;

    private final OidcClient client;
    private final OIDCProviderMetadata provider;
    private final IDTokenValidator validator;

    private OidcSignIn(OidcClient client, OIDCProviderMetadata provider, IDTokenValidator validator) {
        this.client = client;
        this.provider = provider;
        this.validator = validator;
    }

    /**
     * Reads the provider's discovery document, which must name the same issuer. The provider's
     * signing keys are fetched when the first token arrives, and again when one names a new key.
     */
    public static OidcSignIn discover(OidcClient client) {
        try {
            OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(client.issuer()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), new ClientID(client.clientId()), JWSAlgorithm.RS256,
                    provider.getJWKSetURI().toURL());
            return new OidcSignIn(client, provider, validator);
        } catch (GeneralException e) {
            throw new IllegalStateException("The identity provider at " + client.issuer() + " is not usable: " + e.getMessage(), e);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("The identity provider's jwks_uri is not a URL: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the identity provider at " + client.issuer(), e);
        }
    }

    /** A new sign-in: fresh state, nonce and PKCE verifier, and the address to send the browser to. */
    @Override
    public PendingSignIn begin(URI redirectUri) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI url = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, new ClientID(client.clientId()), redirectUri)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new PendingSignIn(url, state.getValue(), nonce.getValue(), verifier.getValue(), redirectUri);
    }

    /**
     * The browser is back at the redirect address: checks that the answer belongs to this sign-in,
     * exchanges the code for tokens and validates the ID token.
     *
     * @param callback the full address the browser came back to, query included
     * @param pending  what {@link #begin(URI)} gave for this browser
     */
    @Override
    public StaffIdentity finish(URI callback, PendingSignIn pending) throws SignInRefusedException {
        return identityFrom(idTokenFor(callback, pending), pending.nonce());
    }

    /**
     * The provider's RP-initiated logout address ({@code end_session_endpoint} in its discovery
     * document) with this client and the address to come back to; failing that, the configured
     * one with Cognito's parameters (Cognito's discovery document names none).
     */
    @Override
    public Optional<URI> signOutUrl(URI afterSignOut) {
        String client = "?client_id=" + encode(this.client.clientId());
        return Optional.ofNullable(provider.getEndSessionEndpointURI())
                .map(endpoint -> URI.create(endpoint + client + "&post_logout_redirect_uri=" + encode(afterSignOut.toString())))
                .or(() -> this.client.signOutEndpoint().map(endpoint -> URI.create(endpoint + client + "&logout_uri="
                        + encode(afterSignOut.toString()))));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The ID token the code in the answer is exchanged for, not yet validated. */
    JWT idTokenFor(URI callback, PendingSignIn pending) throws SignInRefusedException {
        return idTokenFor(successfulAnswer(callback, pending).getAuthorizationCode(), pending);
    }

    /** Who the ID token names, once its signature, issuer, audience, expiry and nonce are all as they must be. */
    StaffIdentity identityFrom(JWT idToken, String nonce) throws SignInRefusedException {
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, new Nonce(nonce));
        } catch (BadJOSEException | JOSEException e) {
            throw new SignInRefusedException("The identity provider's ID token is not valid: " + e.getMessage(), e);
        }
        return identity(claims);
    }

    private AuthenticationSuccessResponse successfulAnswer(URI callback, PendingSignIn pending) throws SignInRefusedException {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new SignInRefusedException("The sign-in answer cannot be read: " + e.getMessage(), e);
        }
        // The state first, error or not: an answer that is not for this sign-in says nothing about it.
        if (response.getState() == null || !response.getState().getValue().equals(pending.state())) {
            throw new SignInRefusedException("The sign-in answer belongs to another sign-in (its state does not match)");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new SignInRefusedException("The identity provider refused the sign-in: " + describe(error));
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        // RFC 9207: a provider that names itself in the answer must name the one this sign-in went to.
        if (success.getIssuer() != null && !success.getIssuer().equals(provider.getIssuer())) {
            throw new SignInRefusedException("The sign-in answer comes from another identity provider: " + success.getIssuer());
        }
        if (success.getAuthorizationCode() == null) {
            throw new SignInRefusedException("The sign-in answer carries no authorization code");
        }
        return success;
    }

    private JWT idTokenFor(AuthorizationCode code, PendingSignIn pending) throws SignInRefusedException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, pending.redirectUri(), new CodeVerifier(pending.codeVerifier()));
        ClientID clientId = new ClientID(client.clientId());
        TokenRequest request = client.secret()
                .map(secret -> new TokenRequest(provider.getTokenEndpointURI(), new ClientSecretBasic(clientId, new Secret(secret)), grant))
                .orElseGet(() -> new TokenRequest(provider.getTokenEndpointURI(), clientId, grant));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (ParseException e) {
            throw new SignInRefusedException("The identity provider's token answer cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SignInRefusedException("The identity provider's token endpoint did not answer (" + e.getClass().getSimpleName()
                    + "): try again", e);
        }
        if (!response.indicatesSuccess()) {
            throw new SignInRefusedException("The identity provider would not exchange the code: "
                    + describe(response.toErrorResponse().getErrorObject()));
        }
        JWT idToken = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new SignInRefusedException("The identity provider returned no ID token");
        }
        return idToken;
    }

    private static StaffIdentity identity(IDTokenClaimsSet claims) throws SignInRefusedException {
        String email = claims.getStringClaim("email");
        if (email == null || email.isBlank()) {
            throw new SignInRefusedException("The ID token carries no email address: give the app client the email scope");
        }
        // Test sends and notifications go to this address: one a user typed and never confirmed is not theirs yet.
        Object verified = claims.getClaim("email_verified");
        // A boolean as the standard says; some federated providers send the string "true".
        if (!Boolean.TRUE.equals(verified) && !"true".equals(verified)) {
            throw new SignInRefusedException("The identity provider has not verified this account's email address");
        }
        List<String> groups = claims.getStringListClaim(GROUPS_CLAIM);
        if (groups == null && claims.getClaim(GROUPS_CLAIM) != null) {
            throw new SignInRefusedException("The ID token's " + GROUPS_CLAIM + " is not a list of names");
        }
        return new StaffIdentity(claims.getSubject().getValue(), email, claims.getStringClaim("name"),
                StaffRole.fromGroups(groups == null ? List.of() : groups));
    }

    private static String describe(ErrorObject error) {
        return error.getCode() + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")");
    }
}
