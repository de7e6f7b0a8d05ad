package despatch.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff sessions kept in a sealed cookie rather than a table: nothing to store or clean up, and
 * each request proves itself. A session ends after {@link #IDLE} without a request, and
 * {@link #ABSOLUTE} after sign-in whatever happens; signing out clears the cookie.
 */
public final class StaffSessions {
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(8);
    /** A request renews the cookie only when the last renewal is this old: not a Set-Cookie on every page. */
    static final Duration RENEW_AFTER = Duration.ofMinutes(1);


    private final CookieSeal seal;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StaffSessions(byte[] secret, Clock clock) {
        this.seal = new CookieSeal(secret, "despatch-staff-session");
        this.clock = clock;
    }

    /** A new session for someone who has just signed in, with a fresh CSRF token. */
    public StaffSession start(StaffIdentity who) {
        byte[] token = new byte[32];
        random.nextBytes(token);
        Instant now = clock.instant();
        return new StaffSession(who, now, now, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    /** The cookie value that carries it. */
    public String cookieValue(StaffSession session) {
        return seal.sealJson(Carried.of(session));
    }

    /**
     * The session a cookie carries; empty when there is none, it was not sealed here, or it has
     * expired, idle or absolute.
     */
    public Optional<StaffSession> resume(String cookieValue) {
        Instant now = clock.instant();
        return seal.openJson(cookieValue, Carried.class).flatMap(Carried::session)
                .filter(session -> now.isBefore(session.lastActiveAt().plus(IDLE)) && now.isBefore(session.startedAt().plus(ABSOLUTE))
                        && !now.isBefore(session.startedAt()));
    }

    /**
     * A new cookie value that moves the idle expiry on, when the one carried is over a minute old
     * (so a page does not set a cookie on every request); empty otherwise.
     */
    public Optional<String> renewal(StaffSession carried) {
        Instant now = clock.instant();
        return now.isBefore(carried.lastActiveAt().plus(RENEW_AFTER)) ? Optional.empty()
                : Optional.of(cookieValue(carried.activeAt(now)));
    }

    /** Constant time: how much of a guessed token matches must not show in the answer's timing. */
    public static boolean csrfMatches(StaffSession session, String submitted) {
        if (submitted == null) {
            return false;
        }
        return MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** The cookie's JSON: short names, times in epoch seconds, roles by name. */
    record Carried(String sub, String email, String name, List<String> roles, long started, long active, String csrf) {

        static Carried of(StaffSession session) {
            StaffIdentity who = session.who();
            return new Carried(who.subject(), who.email(), who.name(), who.roles().stream().map(StaffRole::name).sorted().toList(),
                    session.startedAt().getEpochSecond(), session.lastActiveAt().getEpochSecond(), session.csrfToken());
        }

        /** Empty when it names a role this code no longer has, or lacks a field. */
        Optional<StaffSession> session() {
            try {
                Set<StaffRole> carriedRoles = roles.stream().map(StaffRole::valueOf).collect(Collectors.toSet());
                return Optional.of(new StaffSession(new StaffIdentity(sub, email, name, carriedRoles), Instant.ofEpochSecond(started),
                        Instant.ofEpochSecond(active), csrf));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
