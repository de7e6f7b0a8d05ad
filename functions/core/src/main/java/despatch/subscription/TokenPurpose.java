package despatch.subscription;

import java.time.Duration;
import java.util.Optional;

/**
 * What a link in an email lets its holder do, and for how long. Confirmation links expire
 * (a stale one should not activate an address years later); unsubscribe and preference links
 * sit in every email ever sent and must keep working, so they do not.
 */
public enum TokenPurpose {
    CONFIRM("c", Duration.ofDays(7)),
    PREFERENCES("p", null),
    /**
     * Sent only on request, to the address itself, and short-lived: the one link that can erase.
     * Preference links sit in every newsletter and get forwarded, so they cannot.
     */
    DATA("d", Duration.ofHours(24)),
    UNSUBSCRIBE("u", null);

    private final String code;
    private final Duration lifetime;

    TokenPurpose(String code, Duration lifetime) {
        this.code = code;
        this.lifetime = lifetime;
    }

    String code() {
        return code;
    }

    public Optional<Duration> lifetime() {
        return Optional.ofNullable(lifetime);
    }

    static Optional<TokenPurpose> ofCode(String code) {
        for (TokenPurpose purpose : values()) {
            if (purpose.code.equals(code)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
