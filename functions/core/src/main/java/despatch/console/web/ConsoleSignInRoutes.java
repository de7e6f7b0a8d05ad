package despatch.console.web;

import despatch.console.ApproverDirectory;
import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.EndedSessions;
import despatch.console.PendingSignIn;
import despatch.console.PendingSignIns;
import despatch.console.SignInRefusedException;
import despatch.console.StaffIdentity;
import despatch.console.StaffSession;
import despatch.console.StaffSessions;
import despatch.console.StaffSignIn;
import despatch.subscription.web.FormEncoding;
import despatch.subscription.web.WebRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Signing in to the console and out of it:
 * <ul>
 * <li>{@code GET /console/sign-in}: off to the identity provider, the sign-in under way sealed in a cookie;</li>
 * <li>{@code GET /console/signed-in}: back from it; the answer checked, the session started;</li>
 * <li>{@code POST /console/sign-out}: the session ended, with the form's CSRF token, then the
 * provider's own session (it asks), and back to {@code GET /console/signed-out}.</li>
 * </ul>
 * A refusal changes nothing: no session is started or ended by a request that fails a check.
 */
final class ConsoleSignInRoutes {
    /** Without a trailing slash: an HTTP API matches paths as sent, and its /console/{proxy+} route needs more after the slash. */
    static final String HOME = DashboardRoutes.PATH;
    static final String SIGN_IN = "/console/sign-in";
    static final String SIGNED_IN = "/console/signed-in";
    static final String SIGN_OUT = "/console/sign-out";
    static final String SIGNED_OUT = "/console/signed-out";

    private final StaffSignIn signIn;
    private final PendingSignIns pending;
    private final StaffSessions sessions;
    private final AuditTrail audit;
    private final ApproverDirectory approvers;
    private final EndedSessions ended;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;

    ConsoleSignInRoutes(StaffSignIn signIn, PendingSignIns pending, StaffSessions sessions, AuditTrail audit, ApproverDirectory approvers,
            EndedSessions ended, Clock clock, ConsolePages pages, ConsoleReplies replies) {
        this.approvers = approvers;
        this.ended = ended;
        this.signIn = signIn;
        this.pending = pending;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
    }

    /** The answer to a sign-in or sign-out address; empty for any other. */
    Optional<ConsoleResponse> handle(WebRequest request) {
        return switch (request.path()) {
            case SIGN_IN -> Optional.of(only("GET", request, () -> signIn(request)));
            case SIGNED_IN -> Optional.of(only("GET", request, () -> signedIn(request)));
            case SIGN_OUT -> Optional.of(only("POST", request, () -> signOut(request)));
            case SIGNED_OUT -> Optional.of(only("GET", request, this::signedOut));
            default -> Optional.empty();
        };
    }

    /** The session the request's cookie carries, if it is valid, unexpired and not signed out of. */
    Optional<StaffSession> session(WebRequest request) {
        return ConsoleCookies.read(request.header("cookie"), ConsoleCookies.SESSION).flatMap(sessions::resume)
                .filter(session -> !ended.isEnded(EndedSessions.idOf(session)));
    }

    private ConsoleResponse signIn(WebRequest request) {
        PendingSignIn started = signIn.begin(URI.create(request.baseUrl() + SIGNED_IN));
        return redirect(started.authorizationUrl().toString(), List.of(ConsoleCookies.signIn(pending.cookieValue(started))));
    }

    private ConsoleResponse signedIn(WebRequest request) {
        Optional<PendingSignIn> started = ConsoleCookies.read(request.header("cookie"), ConsoleCookies.SIGN_IN).flatMap(pending::resume);
        if (started.isEmpty()) {
            return page(400, pages.message("Sign in again", List.of("This sign-in took over ten minutes, or began in another browser."),
                    "Sign in", SIGN_IN), List.of(ConsoleCookies.cleared(ConsoleCookies.SIGN_IN)));
        }
        StaffIdentity who;
        try {
            who = signIn.finish(callback(request), started.get());
        } catch (SignInRefusedException e) {
            return page(403, pages.message("Sign-in did not succeed", List.of(e.getMessage()), "Try again", SIGN_IN),
                    List.of(ConsoleCookies.cleared(ConsoleCookies.SIGN_IN)));
        }
        if (who.roles().isEmpty()) {
            return page(403, pages.message("No access to the console", List.of("You signed in as " + who.email()
                    + ", but your account has no Despatch role. Ask the office's administrator to add you to the editor,"
                    + " approver or admin group."), null, null), List.of(ConsoleCookies.cleared(ConsoleCookies.SIGN_IN)));
        }
        StaffSession session = sessions.start(who);
        audit.record(AuditEntry.by(who, clock.instant(), AuditAction.SIGN_IN, ""));
        approvers.signedIn(who);
        return redirect(HOME, List.of(ConsoleCookies.session(sessions.cookieValue(session)), ConsoleCookies.cleared(ConsoleCookies.SIGN_IN)));
    }

    private ConsoleResponse signOut(WebRequest request) {
        Optional<StaffSession> session = session(request);
        if (session.isEmpty()) {
            // Expired, or signed out in another tab: nothing to end but a dead cookie.
            return page(200, pages.message("You were already signed out", List.of("Your session had already ended."), "Sign in",
                    SIGN_IN), List.of(ConsoleCookies.cleared(ConsoleCookies.SESSION)));
        }
        String csrf = FormEncoding.parse(request.body()).getOrDefault("csrf", List.of()).stream().findFirst().orElse(null);
        if (!StaffSessions.csrfMatches(session.get(), csrf)) {
            return page(403, pages.message("Not signed out", List.of("This request did not come from a console page of yours."
                    + " Nothing was changed."), "Go to the console", HOME), List.of());
        }
        ended.end(EndedSessions.idOf(session.get()), session.get().startedAt().plus(StaffSessions.ABSOLUTE));
        audit.record(AuditEntry.by(session.get().who(), clock.instant(), AuditAction.SIGN_OUT, ""));
        List<String> cleared = List.of(ConsoleCookies.cleared(ConsoleCookies.SESSION));
        return signIn.signOutUrl(URI.create(request.baseUrl() + SIGNED_OUT))
                .map(atProvider -> redirect(atProvider.toString(), cleared))
                .orElseGet(() -> page(200, signedOutPage(), cleared));
    }

    private ConsoleResponse signedOut() {
        return page(200, signedOutPage(), List.of());
    }

    private String signedOutPage() {
        return pages.message("You have signed out", List.of("You have signed out of the console."), "Sign in again", SIGN_IN);
    }

    /** The address the provider sent the browser to, as the sign-in library parses it. */
    private static URI callback(WebRequest request) {
        String query = request.query().entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return URI.create(request.baseUrl() + request.path() + (query.isEmpty() ? "" : "?" + query));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private ConsoleResponse only(String method, WebRequest request, Supplier<ConsoleResponse> route) {
        return request.method().equals(method) ? route.get() : replies.methodNotAllowed(method);
    }

    private ConsoleResponse redirect(String location, List<String> cookies) {
        return replies.redirect(location, cookies);
    }

    private ConsoleResponse page(int status, String html, List<String> cookies) {
        return replies.page(status, html, cookies);
    }
}
