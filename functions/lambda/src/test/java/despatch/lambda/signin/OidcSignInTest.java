package despatch.lambda.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.PendingSignIn;
import despatch.console.SignInRefusedException;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.LocalIdentityProvider;
import despatch.local.stack.StaffAccount;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff sign-in against the local stack's real OpenID provider: the person signs in on the
 * provider's own page, and the console's side exchanges the code and validates the ID token.
 * Nothing about the provider or the token is stubbed.
 */
class OidcSignInTest {
    /** A console on some loopback port: the provider accepts any (RFC 8252). */
    private static final URI REDIRECT = URI.create(LocalIdentityProvider.REDIRECT_URI.replace("127.0.0.1", "127.0.0.1:8787"));

    private static LocalIdentityProvider provider;
    private static OidcSignIn signIn;

    @BeforeAll
    static void discover() {
        provider = LocalAwsStack.shared().identityProvider();
        signIn = OidcSignIn.discover(new OidcClient(provider.issuer(), provider.clientId(), Optional.of(provider.clientSecret())));
    }

    private static URI signInAs(StaffAccount account, PendingSignIn start) throws Exception {
        ProviderSignInPage.Outcome outcome = new ProviderSignInPage(provider.issuer()).signIn(start.authorizationUrl(), account.email(),
                account.password());
        assertNotNull(outcome.leftProviderAt(), "the provider sends the browser back to the console:\n" + outcome.page());
        return outcome.leftProviderAt();
    }

    @Test
    void anEditorSignsInAndIsAnEditorOnly() throws Exception {
        StaffAccount editor = provider.account("editor");
        PendingSignIn start = signIn.begin(REDIRECT);

        URI back = signInAs(editor, start);
        assertTrue(back.toString().startsWith(REDIRECT + "?"), back.toString());
        StaffIdentity identity = signIn.finish(back, start);

        assertEquals(editor.email(), identity.email());
        assertEquals(editor.name(), identity.name());
        assertEquals(Set.of(StaffRole.EDITOR), identity.roles());
        assertTrue(identity.subject().length() >= 16, "the provider's stable subject");
    }

    @Test
    void anAdministratorMayDoEverything() throws Exception {
        PendingSignIn start = signIn.begin(REDIRECT);
        StaffIdentity identity = signIn.finish(signInAs(provider.account("admin"), start), start);
        assertEquals(Set.of(StaffRole.values()), identity.roles());
    }

    @Test
    void aWrongPasswordStaysOnTheProvidersPageWithAReason() throws Exception {
        PendingSignIn start = signIn.begin(REDIRECT);
        ProviderSignInPage.Outcome outcome = new ProviderSignInPage(provider.issuer()).signIn(start.authorizationUrl(),
                provider.account("approver").email(), "not-the-password");
        assertNull(outcome.leftProviderAt(), "never sent to the console");
        assertTrue(outcome.page().contains("do not match an account"), outcome.page());
    }

    @Test
    void theAnswerToOneSignInCannotFinishAnother() throws Exception {
        PendingSignIn mine = signIn.begin(REDIRECT);
        PendingSignIn theirs = signIn.begin(REDIRECT);
        URI back = signInAs(provider.account("editor"), theirs);

        SignInRefusedException refused = assertThrows(SignInRefusedException.class, () -> signIn.finish(back, mine));
        assertTrue(refused.getMessage().contains("state does not match"), refused.getMessage());
    }

    @Test
    void aCodeIsGoodForOneSignInOnly() throws Exception {
        PendingSignIn start = signIn.begin(REDIRECT);
        URI back = signInAs(provider.account("editor"), start);
        signIn.finish(back, start);

        SignInRefusedException refused = assertThrows(SignInRefusedException.class, () -> signIn.finish(back, start));
        assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
    }

    @Test
    void aCodeWithoutItsPkceVerifierIsRefused() throws Exception {
        PendingSignIn start = signIn.begin(REDIRECT);
        URI back = signInAs(provider.account("editor"), start);
        PendingSignIn stolen = new PendingSignIn(start.authorizationUrl(), start.state(), start.nonce(), signIn.begin(REDIRECT).codeVerifier(),
                REDIRECT);

        SignInRefusedException refused = assertThrows(SignInRefusedException.class, () -> signIn.finish(back, stolen));
        assertTrue(refused.getMessage().contains("invalid_grant"), refused.getMessage());
    }

    @Test
    void theProvidersRefusalIsReported() {
        PendingSignIn start = signIn.begin(REDIRECT);
        URI back = URI.create(REDIRECT + "?error=access_denied&error_description=User+cancelled&state=" + start.state());
        SignInRefusedException refused = assertThrows(SignInRefusedException.class, () -> signIn.finish(back, start));
        assertEquals("The identity provider refused the sign-in: access_denied (User cancelled)", refused.getMessage());
    }

    @Test
    void anErrorAnswerForAnotherSignInIsNotBelieved() {
        PendingSignIn start = signIn.begin(REDIRECT);
        URI forged = URI.create(REDIRECT + "?error=access_denied&error_description=Call+this+number&state=guessed");
        SignInRefusedException refused = assertThrows(SignInRefusedException.class, () -> signIn.finish(forged, start));
        assertEquals("The sign-in answer belongs to another sign-in (its state does not match)", refused.getMessage());
    }

    @Test
    void aProviderWhoseDiscoveryNamesAnotherIssuerIsNotUsed() {
        // The same discovery document, fetched for an issuer spelled with a trailing slash: the issuer it names differs.
        URI spelledOtherwise = URI.create(provider.issuer() + "/");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> OidcSignIn.discover(
                new OidcClient(spelledOtherwise, provider.clientId(), Optional.empty())));
        assertTrue(refused.getMessage().toLowerCase().contains("issuer"), refused.getMessage());
    }

    @Test
    void noSecretOrSignInValueReachesALogLine() {
        OidcClient client = new OidcClient(provider.issuer(), provider.clientId(), Optional.of(provider.clientSecret()));
        assertFalse(client.toString().contains(provider.clientSecret()), client.toString());
        PendingSignIn start = signIn.begin(REDIRECT);
        assertFalse(start.toString().contains(start.state()) || start.toString().contains(start.nonce())
                || start.toString().contains(start.codeVerifier()), start.toString());
    }
}
