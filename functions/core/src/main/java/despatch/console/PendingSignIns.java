package despatch.console;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in under way, kept sealed in a cookie while the browser is at the identity provider:
 * the state, nonce and PKCE verifier never leave the server readable, and after
 * {@link #LIFETIME} the person starts again.
 */
public final class PendingSignIns {
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final CookieSeal seal;
    private final Clock clock;

    public PendingSignIns(byte[] secret, Clock clock) {
        this.seal = new CookieSeal(secret, "despatch-sign-in");
        this.clock = clock;
    }

    public String cookieValue(PendingSignIn pending) {
        Carried carried = new Carried(pending.authorizationUrl().toString(), pending.state(), pending.nonce(), pending.codeVerifier(),
                pending.redirectUri().toString(), clock.instant().getEpochSecond());
        return seal.sealJson(carried);
    }

    /** The sign-in the cookie carries, unless it was not sealed here or is over ten minutes old. */
    public Optional<PendingSignIn> resume(String cookieValue) {
        Instant now = clock.instant();
        return seal.openJson(cookieValue, Carried.class)
                .filter(carried -> now.isBefore(Instant.ofEpochSecond(carried.issued()).plus(LIFETIME)))
                .map(carried -> new PendingSignIn(URI.create(carried.url()), carried.state(), carried.nonce(), carried.verifier(),
                        URI.create(carried.redirect())));
    }

    record Carried(String url, String state, String nonce, String verifier, String redirect, long issued) {
    }
}
