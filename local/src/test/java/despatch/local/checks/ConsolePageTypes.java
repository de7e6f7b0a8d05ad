package despatch.local.checks;

import despatch.console.PendingSignIns;
import despatch.lambda.aws.DynamoDbAuditTrail;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.console.StaffSessions;
import despatch.console.web.ConsoleResponse;
import despatch.console.web.ConsoleSignInRoutes;
import despatch.lambda.signin.OidcClient;
import despatch.lambda.signin.OidcSignIn;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.LocalIdentityProvider;
import despatch.subscription.web.WebRequest;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The staff console's pages as its routes answer them, with their own headers: the first page of
 * a signed-in administrator (every ability listed), the page after signing out, and the one that
 * asks to sign in again. The sign-in itself is ConsoleSignInFlowTest's.
 */
final class ConsolePageTypes {
    private static final String CONSOLE = "http://127.0.0.1:8787";

    private ConsolePageTypes() {
    }

    static List<PageToCheck> build(LocalAwsStack stack) {
        LocalIdentityProvider provider = stack.identityProvider();
        OidcSignIn signIn = OidcSignIn.discover(new OidcClient(provider.issuer(), provider.clientId(), Optional.of(provider.clientSecret())));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        StaffSessions sessions = new StaffSessions(secret, Clock.systemUTC());
        ConsoleSignInRoutes routes = new ConsoleSignInRoutes(signIn, new PendingSignIns(secret, Clock.systemUTC()), sessions,
                new DynamoDbAuditTrail(stack.dynamoDb(), stack.template().physicalName("AuditTable")), Clock.systemUTC(),
                Settings.from(stack.environmentFor(Setting.Function.PreviewFunction.name()), Setting.Function.PreviewFunction).office());
        var session = sessions.start(new StaffIdentity("admin-subject", provider.account("admin").email(), provider.account("admin").name(),
                Set.of(StaffRole.values())));
        String cookie = "__Host-despatch-session=" + sessions.cookieValue(session);

        return List.of(
                page("console-home", routes.handle(request("GET", "/console/", cookie, ""))),
                page("console-signed-out", routes.handle(request("GET", "/console/signed-out", null, ""))),
                page("console-sign-in-again", routes.handle(request("GET", "/console/signed-in", null, ""))));
    }

    private static WebRequest request(String method, String path, String cookie, String body) {
        return new WebRequest(method, path, Map.of(), cookie == null ? Map.of() : Map.of("cookie", cookie), body, CONSOLE, "127.0.0.1");
    }

    private static PageToCheck page(String name, ConsoleResponse response) {
        if (response.body().isBlank()) {
            throw new IllegalStateException(name + ": the console answered " + response.status() + " with no page");
        }
        return new PageToCheck(name, PageToCheck.Kind.WEB_PAGE, response.body(), response.headers());
    }
}
