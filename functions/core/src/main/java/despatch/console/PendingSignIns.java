package despatch.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CookieSeal seal;
    private final Clock clock;

    public PendingSignIns(byte[] secret, Clock clock) {
        this.seal = new CookieSeal(secret, "despatch-sign-in");
        this.clock = clock;
    }

    public String cookieValue(PendingSignIn pending) {
        Carried carried = new Carried(pending.authorizationUrl().toString(), pending.state(), pending.nonce(), pending.codeVerifier(),
                clock.instant().getEpochSecond());
        try {
            return seal.seal(JSON.writeValueAsBytes(carried));
        } catch (IOException e) {
            throw new IllegalStateException("A sign-in could not be written", e);
        }
    }

    /** The sign-in the cookie carries, unless it was not sealed here or is over ten minutes old. */
    public Optional<PendingSignIn> resume(String cookieValue) {
        Instant now = clock.instant();
        return seal.open(cookieValue).flatMap(PendingSignIns::read)
                .filter(carried -> now.isBefore(Instant.ofEpochSecond(carried.issued()).plus(LIFETIME)))
                .map(carried -> new PendingSignIn(URI.create(carried.url()), carried.state(), carried.nonce(), carried.verifier()));
    }

    private static Optional<Carried> read(byte[] json) {
        try {
            return Optional.of(JSON.readValue(json, Carried.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    record Carried(String url, String state, String nonce, String verifier, long issued) {
    }
}
