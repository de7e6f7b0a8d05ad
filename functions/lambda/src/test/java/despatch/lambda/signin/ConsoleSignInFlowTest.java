package despatch.lambda.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.web.ConsoleResponse;
import despatch.console.web.Console;
import despatch.lambda.wiring.AwsClients;
import despatch.lambda.wiring.ConsoleFactory;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.LocalIdentityProvider;
import despatch.local.stack.StaffAccount;
import despatch.subscription.web.FormEncoding;
import despatch.subscription.web.WebRequest;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in routes with the real sign-in library against the local stack's real
 * OpenID provider: a member of staff leaves for the provider's page, signs in there, comes back
 * with a session, sees the console and signs out.
 */
class ConsoleSignInFlowTest {
    private static final String CONSOLE = "http://127.0.0.1:8787";
    private static final URI REDIRECT = URI.create(CONSOLE + "/console/signed-in");

    @Test
    void anApproverSignsInSeesTheConsoleAndSignsOut() throws Exception {
        LocalAwsStack stack = LocalAwsStack.shared();
        LocalIdentityProvider provider = stack.identityProvider();
        // ConsoleFunction as deployed: its client read from Secrets Manager, its issuer the stack's provider.
        Wiring wiring = new Wiring(Settings.from(stack.environmentFor("ConsoleFunction"), Setting.Function.ConsoleFunction), Clock.systemUTC(),
                AwsClients.of(stack.s3(), stack.dynamoDb(), stack.sesV2(), stack.secretsManager(), stack.sqs(), null));
        Console routes = new ConsoleFactory(wiring).console();
        OidcSignIn signIn = OidcSignIn.discover(new OidcClient(provider.issuer(), provider.clientId(), Optional.of(provider.clientSecret())));
        StaffAccount approver = provider.account("approver");

        ConsoleResponse leaving = routes.handle(request("GET", "/console/sign-in", Map.of(), null, ""));
        String signInCookie = cookie(leaving, "__Host-despatch-sign-in");
        ProviderSignInPage browser = new ProviderSignInPage(provider.issuer());
        URI back = browser.signIn(URI.create(leaving.headers().get("Location")), approver.email(),
                approver.password()).leftProviderAt();
        assertNotNull(back, "the provider sends the browser back");
        assertTrue(back.toString().startsWith(CONSOLE + "/console/signed-in?"), back.toString());

        ConsoleResponse signedIn = routes.handle(request("GET", back.getPath(), FormEncoding.parse(back.getRawQuery()), signInCookie, ""));
        assertEquals(303, signedIn.status(), signedIn.body());
        String session = cookie(signedIn, "__Host-despatch-session");

        ConsoleResponse home = routes.handle(request("GET", "/console", Map.of(), session, ""));
        assertEquals(200, home.status());
        assertTrue(home.body().contains(approver.name()) && home.body().contains("Approve and send"), home.body());

        String csrf = home.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        ConsoleResponse out = routes.handle(request("POST", "/console/sign-out", Map.of(), session, "csrf=" + csrf));
        assertEquals(303, out.status());
        assertTrue(out.cookies().getFirst().contains("Max-Age=0"), out.cookies().toString());

        // At the provider: its own session ends too, and the browser comes back to the console.
        URI afterSignOut = browser.signOut(URI.create(out.headers().get("Location"))).leftProviderAt();
        assertEquals(URI.create(CONSOLE + "/console/signed-out"), afterSignOut);
        assertTrue(browser.asksForThePassword(signIn.begin(REDIRECT).authorizationUrl()), "signing in again asks for the password");
    }

    @Test
    void withoutSigningOutTheProviderSignsTheSameBrowserInAgainWithoutAPassword() throws Exception {
        LocalIdentityProvider provider = LocalAwsStack.shared().identityProvider();
        OidcSignIn signIn = OidcSignIn.discover(new OidcClient(provider.issuer(), provider.clientId(), Optional.of(provider.clientSecret())));
        ProviderSignInPage browser = new ProviderSignInPage(provider.issuer());
        StaffAccount editor = provider.account("editor");
        assertNotNull(browser.signIn(signIn.begin(REDIRECT).authorizationUrl(), editor.email(), editor.password()).leftProviderAt());
        assertTrue(!browser.asksForThePassword(signIn.begin(REDIRECT).authorizationUrl()),
                "the provider's session is what the sign-out test ends: without it this would prove nothing");
    }

    private static WebRequest request(String method, String path, Map<String, List<String>> query, String cookie, String body) {
        return new WebRequest(method, path, query, cookie == null ? Map.of() : Map.of("cookie", cookie), body, CONSOLE, "127.0.0.1");
    }

    /** The cookie as a browser would send it back: name=value. */
    private static String cookie(ConsoleResponse response, String name) {
        String set = response.cookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }
}
