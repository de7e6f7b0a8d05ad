package despatch.lambda.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import despatch.console.PendingSignIn;
import despatch.console.SignInRefusedException;
import despatch.console.StaffRole;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.LocalIdentityProvider;
import despatch.local.stack.StaffAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real ID tokens from the local provider, changed as an attacker would change them: each must be
 * refused, where the token as issued is accepted.
 */
class IdTokenValidationTest {
    private static final URI REDIRECT = URI.create(LocalIdentityProvider.REDIRECT_URI.replace("127.0.0.1", "127.0.0.1:8787"));

    private static OidcSignIn signIn;
    private static JWT editorsToken;
    private static String editorsNonce;

    @BeforeAll
    static void anEditorsRealToken() throws Exception {
        LocalIdentityProvider provider = LocalAwsStack.shared().identityProvider();
        signIn = OidcSignIn.discover(new OidcClient(provider.issuer(), provider.clientId(), Optional.of(provider.clientSecret())));
        StaffAccount editor = provider.account("editor");
        PendingSignIn start = signIn.begin(REDIRECT);
        URI back = new ProviderSignInPage(provider.issuer()).signIn(start.authorizationUrl(), editor.email(), editor.password()).leftProviderAt();
        editorsToken = signIn.idTokenFor(back, start);
        editorsNonce = start.nonce();
    }

    @Test
    void theTokenAsIssuedIsAccepted() throws Exception {
        assertEquals(Set.of(StaffRole.EDITOR), signIn.identityFrom(editorsToken, editorsNonce).roles());
    }

    @Test
    void aTokenForAnotherSignInIsRefused() {
        SignInRefusedException refused = assertThrows(SignInRefusedException.class,
                () -> signIn.identityFrom(editorsToken, signIn.begin(REDIRECT).nonce()));
        assertTrue(refused.getMessage().toLowerCase().contains("nonce"), refused.getMessage());
    }

    @Test
    void anEditorWhoMakesThemselvesAdminBreaksTheSignature() throws Exception {
        String[] parts = editorsToken.getParsedString().split("\\.");
        String claims = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"editor\""), claims);
        String promoted = Base64URL.encode(claims.replace("\"editor\"", "\"admin\"")).toString();
        JWT tampered = JWTParser.parse(parts[0] + "." + promoted + "." + parts[2]);

        SignInRefusedException refused = assertThrows(SignInRefusedException.class, () -> signIn.identityFrom(tampered, editorsNonce));
        assertTrue(refused.getMessage().toLowerCase().contains("signature"), refused.getMessage());
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWT unsigned = new PlainJWT(editorsToken.getJWTClaimsSet());
        assertThrows(SignInRefusedException.class, () -> signIn.identityFrom(unsigned, editorsNonce));
    }

    @Test
    void aTokenIssuedToAnotherAppIsRefused() {
        LocalIdentityProvider provider = LocalAwsStack.shared().identityProvider();
        OidcSignIn otherApp = OidcSignIn.discover(new OidcClient(provider.issuer(), "another-app", Optional.empty()));
        SignInRefusedException refused = assertThrows(SignInRefusedException.class, () -> otherApp.identityFrom(editorsToken, editorsNonce));
        assertTrue(refused.getMessage().toLowerCase().contains("audience"), refused.getMessage());
    }
}
