package despatch.console.web;

import despatch.console.PendingSignIns;
import java.util.Optional;

/**
 * The console's two cookies. {@code __Host-}: only ever set by this host over HTTPS, for the
 * whole path, never by a sibling subdomain. HttpOnly: no script reads them. SameSite=Lax: sent
 * when the identity provider sends the browser back, never with another site's form posts.
 */
final class ConsoleCookies {
    static final String SESSION = "__Host-despatch-session";
    /** The sign-in under way, between leaving for the provider and coming back. */
    static final String SIGN_IN = "__Host-despatch-sign-in";
    static final long SIGN_IN_SECONDS = PendingSignIns.LIFETIME.toSeconds();

    private static final String ATTRIBUTES = "; Path=/; Secure; HttpOnly; SameSite=Lax";

    private ConsoleCookies() {
    }

    /** A session cookie lasts as long as the browser; the session inside expires on its own terms. */
    static String session(String value) {
        return SESSION + "=" + value + ATTRIBUTES;
    }

    static String signIn(String value) {
        return SIGN_IN + "=" + value + ATTRIBUTES + "; Max-Age=" + SIGN_IN_SECONDS;
    }

    static String cleared(String name) {
        return name + "=" + ATTRIBUTES + "; Max-Age=0";
    }

    /** A cookie's value from a Cookie request header; the first one of that name. */
    static Optional<String> read(String cookieHeader, String name) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (String pair : cookieHeader.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                return Optional.of(pair.substring(equals + 1).trim());
            }
        }
        return Optional.empty();
    }
}
