package despatch.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.InMemoryAuditTrail;
import despatch.console.PendingSignIn;
import despatch.console.PendingSignIns;
import despatch.console.SignInRefusedException;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.console.StaffSessions;
import despatch.console.StaffSignIn;
import despatch.sending.InMemoryCampaignStore;
import despatch.subscription.MutableClock;
import despatch.subscription.web.WebRequest;
import despatch.testing.TestOffice;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in routes with a stand-in provider: the cookies, redirects, refusals and
 * headers. The same routes against the real OpenID provider are ConsoleSignInFlowTest's.
 */
class ConsoleSignInTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final StaffIdentity EDITOR = new StaffIdentity("sub-1", "press.officer@example.org.uk", "Pat Press Officer",
            Set.of(StaffRole.EDITOR));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final Provider provider = new Provider();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final Console routes = new Console(provider, SECRET, clock, TestOffice.office(),
            ConsoleFixture.services(audit, new InMemoryCampaignStore(), new despatch.console.InMemoryDrafts(), clock, new java.util.ArrayList<>()));

    /** Answers as the identity provider would, with whoever the test says signed in. */
    private static final class Provider implements StaffSignIn {
        StaffIdentity signsIn = EDITOR;
        String refusal;
        PendingSignIn lastBegun;
        URI endSession;

        @Override
        public java.util.Optional<URI> signOutUrl(URI afterSignOut) {
            return java.util.Optional.ofNullable(endSession).map(end -> URI.create(end + "?after=" + afterSignOut));
        }

        @Override
        public PendingSignIn begin(URI redirectUri) {
            lastBegun = new PendingSignIn(URI.create("https://sign-in.example/authorize?state=s" + System.nanoTime()),
                    "state-" + System.nanoTime(), "nonce", "verifier", redirectUri);
            return lastBegun;
        }

        @Override
        public StaffIdentity finish(URI callback, PendingSignIn pending) throws SignInRefusedException {
            if (!callback.getQuery().contains("state=" + pending.state())) {
                throw new SignInRefusedException("The sign-in answer belongs to another sign-in (its state does not match)");
            }
            if (refusal != null) {
                throw new SignInRefusedException(refusal);
            }
            return signsIn;
        }
    }

    private static WebRequest get(String path, Map<String, List<String>> query, String cookie) {
        return new WebRequest("GET", path, query, cookie == null ? Map.of() : Map.of("cookie", cookie), "", "http://127.0.0.1:8787",
                "127.0.0.1");
    }

    private static String cookieNamed(ConsoleResponse response, String name) {
        return response.cookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow(
                () -> new AssertionError("no " + name + " cookie in " + response.cookies()));
    }

    private static String valueOf(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    /** Sign-in as far as the session cookie, as a browser would go. */
    private String signedInSessionCookie() {
        ConsoleResponse leaving = routes.handle(get("/console/sign-in", Map.of(), null));
        String pending = valueOf(cookieNamed(leaving, ConsoleCookies.SIGN_IN));
        ConsoleResponse back = routes.handle(get("/console/signed-in", Map.of("code", List.of("c"), "state", List.of(provider.lastBegun.state())),
                ConsoleCookies.SIGN_IN + "=" + pending));
        assertEquals(303, back.status(), back.body());
        return ConsoleCookies.SESSION + "=" + valueOf(cookieNamed(back, ConsoleCookies.SESSION));
    }

    @Test
    void signingInSendsTheBrowserToTheProviderWithTheSignInSealedInACookie() {
        ConsoleResponse response = routes.handle(get("/console/sign-in", Map.of(), null));
        assertEquals(303, response.status());
        assertEquals(provider.lastBegun.authorizationUrl().toString(), response.headers().get("Location"));
        String cookie = cookieNamed(response, ConsoleCookies.SIGN_IN);
        assertTrue(cookie.contains("; Secure") && cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax")
                && cookie.contains("; Path=/") && cookie.contains("; Max-Age=600"), cookie);
        assertFalse(cookie.contains(provider.lastBegun.nonce()) || cookie.contains(provider.lastBegun.state()), "sealed: " + cookie);
    }

    @Test
    void comingBackStartsASessionAndOpensTheConsole() {
        String session = signedInSessionCookie();
        ConsoleResponse home = routes.handle(get("/console/", Map.of(), session));
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Pat Press Officer") && home.body().contains("press.officer@example.org.uk"), home.body());
        assertTrue(home.body().contains("Upload, preview, test send and submit articles"));
        assertFalse(home.body().contains("Approve and send"), "an editor is not told they may approve");
        assertEquals("no-store", home.headers().get("Cache-Control"));
        assertEquals(List.of(new AuditEntry(Instant.parse("2026-12-07T09:00:00Z"), "sub-1", "Pat Press Officer", AuditAction.SIGN_IN, "")),
                audit.entries(), "the sign-in is in the audit trail, by subject and name");
        assertTrue(home.headers().get("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void comingBackWithoutTheSignInCookieAsksToStartAgain() {
        ConsoleResponse response = routes.handle(get("/console/signed-in", Map.of("code", List.of("c"), "state", List.of("s")), null));
        assertEquals(400, response.status());
        assertTrue(response.body().contains("Sign in again"), response.body());
        assertTrue(response.cookies().stream().noneMatch(c -> c.startsWith(ConsoleCookies.SESSION)), "no session");
    }

    @Test
    void theSignInCookieLastsTenMinutes() {
        ConsoleResponse leaving = routes.handle(get("/console/sign-in", Map.of(), null));
        String pending = ConsoleCookies.SIGN_IN + "=" + valueOf(cookieNamed(leaving, ConsoleCookies.SIGN_IN));
        clock.advance(PendingSignIns.LIFETIME);
        ConsoleResponse back = routes.handle(get("/console/signed-in", Map.of("state", List.of(provider.lastBegun.state())), pending));
        assertEquals(400, back.status());
    }

    @Test
    void aRefusedSignInSaysWhyAndStartsNoSession() {
        provider.refusal = "The identity provider refused the sign-in: access_denied";
        ConsoleResponse leaving = routes.handle(get("/console/sign-in", Map.of(), null));
        ConsoleResponse back = routes.handle(get("/console/signed-in", Map.of("state", List.of(provider.lastBegun.state())),
                ConsoleCookies.SIGN_IN + "=" + valueOf(cookieNamed(leaving, ConsoleCookies.SIGN_IN))));
        assertEquals(403, back.status());
        assertTrue(back.body().contains("access_denied"), back.body());
        assertTrue(back.cookies().stream().noneMatch(c -> c.startsWith(ConsoleCookies.SESSION + "=v1")), back.cookies().toString());
    }

    @Test
    void someoneWithNoDespatchRoleIsToldWhomToAskAndGetsNoSession() {
        provider.signsIn = new StaffIdentity("sub-2", "finance@example.org.uk", "", Set.of());
        ConsoleResponse leaving = routes.handle(get("/console/sign-in", Map.of(), null));
        ConsoleResponse back = routes.handle(get("/console/signed-in", Map.of("state", List.of(provider.lastBegun.state())),
                ConsoleCookies.SIGN_IN + "=" + valueOf(cookieNamed(leaving, ConsoleCookies.SIGN_IN))));
        assertEquals(403, back.status());
        assertTrue(back.body().contains("administrator"), back.body());
        assertTrue(back.cookies().stream().noneMatch(c -> c.startsWith(ConsoleCookies.SESSION + "=v1")));
    }

    @Test
    void theConsoleWithoutASessionGoesToSignIn() {
        assertEquals("/console/sign-in", routes.handle(get("/console/", Map.of(), null)).headers().get("Location"));
        assertEquals("/console/sign-in", routes.handle(get("/console", Map.of(), ConsoleCookies.SESSION + "=v1.forged")).headers().get("Location"));
        String session = signedInSessionCookie();
        clock.advance(StaffSessions.IDLE);
        assertEquals(303, routes.handle(get("/console/", Map.of(), session)).status(), "idle for thirty minutes");
    }

    @Test
    void signingOutNeedsThePagesCsrfTokenAndClearsTheSessionCookie() {
        String session = signedInSessionCookie();
        String page = routes.handle(get("/console/", Map.of(), session)).body();
        String token = page.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");

        ConsoleResponse forged = routes.handle(new WebRequest("POST", "/console/sign-out", Map.of(), Map.of("cookie", session),
                "csrf=guess", "http://127.0.0.1:8787", "127.0.0.1"));
        assertEquals(403, forged.status());
        assertEquals(List.of(), forged.cookies(), "nothing changed");
        assertEquals(List.of(AuditAction.SIGN_IN), audit.entries().stream().map(AuditEntry::action).toList(), "a refused sign-out is not one");

        ConsoleResponse out = routes.handle(new WebRequest("POST", "/console/sign-out", Map.of(), Map.of("cookie", session),
                "csrf=" + token, "http://127.0.0.1:8787", "127.0.0.1"));
        assertEquals(200, out.status(), out.body());
        assertTrue(cookieNamed(out, ConsoleCookies.SESSION).contains("Max-Age=0"));
        assertEquals("/console/sign-in", routes.handle(get("/console", Map.of(), session)).headers().get("Location"),
                "a copy of the signed-out cookie no longer works");
        assertEquals(List.of(AuditAction.SIGN_IN, AuditAction.SIGN_OUT), audit.entries().stream().map(AuditEntry::action).toList());
    }

    @Test
    void signingOutEndsTheProvidersSessionTooAndComesBackToTheSignedOutPage() {
        provider.endSession = URI.create("https://sign-in.example/session/end");
        String session = signedInSessionCookie();
        ConsoleResponse home = routes.handle(get("/console", Map.of(), session));
        assertTrue(home.headers().get("Content-Security-Policy").contains("form-action 'self' https://sign-in.example;"),
                "the browser follows the sign-out form's redirect to the provider only if the page allows it");
        String token = home.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");

        ConsoleResponse out = routes.handle(new WebRequest("POST", "/console/sign-out", Map.of(), Map.of("cookie", session),
                "csrf=" + token, "http://127.0.0.1:8787", "127.0.0.1"));
        assertEquals(303, out.status());
        assertEquals("https://sign-in.example/session/end?after=http://127.0.0.1:8787/console/signed-out", out.headers().get("Location"));
        assertTrue(cookieNamed(out, ConsoleCookies.SESSION).contains("Max-Age=0"), "the console's session ends first");
        ConsoleResponse signedOut = routes.handle(get("/console/signed-out", Map.of(), null));
        assertEquals(200, signedOut.status());
        assertTrue(signedOut.body().contains("You have signed out"), signedOut.body());
    }

    @Test
    void signingOutWithAnEndedSessionSaysSoAndClearsTheDeadCookie() {
        ConsoleResponse out = routes.handle(new WebRequest("POST", "/console/sign-out", Map.of(),
                Map.of("cookie", ConsoleCookies.SESSION + "=v1.expired"), "csrf=x", "http://127.0.0.1:8787", "127.0.0.1"));
        assertEquals(200, out.status());
        assertTrue(out.body().contains("already signed out"), out.body());
        assertTrue(cookieNamed(out, ConsoleCookies.SESSION).contains("Max-Age=0"));
    }

    @Test
    void eachAddressAnswersOnlyItsMethod() {
        ConsoleResponse response = routes.handle(new WebRequest("POST", "/console/sign-in", Map.of(), Map.of(), "", "http://x", "127.0.0.1"));
        assertEquals(405, response.status());
        assertEquals("GET", response.headers().get("Allow"));
        assertEquals("POST", routes.handle(get("/console/sign-out", Map.of(), null)).headers().get("Allow"));
        assertEquals("/console/sign-in", routes.handle(get("/console/nothing-here", Map.of(), null)).headers().get("Location"));
        assertEquals(404, routes.handle(get("/console/nothing-here", Map.of(), signedInSessionCookie())).status());
    }

    @Test
    void aRequestWithinAMinuteSetsNoCookieAndALaterOneMovesTheIdleExpiryOn() {
        String session = signedInSessionCookie();
        clock.advance(Duration.ofSeconds(20));
        assertEquals(List.of(), routes.handle(get("/console/", Map.of(), session)).cookies());
        clock.advance(Duration.ofMinutes(25));
        ConsoleResponse later = routes.handle(get("/console/", Map.of(), session));
        String renewed = ConsoleCookies.SESSION + "=" + valueOf(cookieNamed(later, ConsoleCookies.SESSION));
        clock.advance(Duration.ofMinutes(25));
        assertEquals(200, routes.handle(get("/console/", Map.of(), renewed)).status(), "fifty minutes in, active all along");
    }
}
