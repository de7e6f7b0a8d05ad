package despatch.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.subscription.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffSessionsTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final StaffIdentity EDITOR = new StaffIdentity("sub-1", "press.officer@example.org.uk", "Pat", Set.of(StaffRole.EDITOR));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final StaffSessions sessions = new StaffSessions(SECRET, clock);

    @Test
    void aSessionComesBackFromItsCookieAsItWent() {
        StaffSession started = sessions.start(EDITOR);
        StaffSession resumed = sessions.resume(sessions.cookieValue(started)).orElseThrow();
        assertEquals(EDITOR, resumed.who());
        assertEquals(started.csrfToken(), resumed.csrfToken());
        assertEquals(clock.instant(), resumed.startedAt());
    }

    @Test
    void thirtyMinutesWithoutARequestEndsIt() {
        String cookie = sessions.cookieValue(sessions.start(EDITOR));
        clock.advance(StaffSessions.IDLE.minusSeconds(1));
        assertTrue(sessions.resume(cookie).isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), sessions.resume(cookie));
    }

    @Test
    void activityKeepsItAliveButNeverPastEightHours() {
        String cookie = sessions.cookieValue(sessions.start(EDITOR));
        Duration worked = Duration.ZERO;
        while (worked.compareTo(StaffSessions.ABSOLUTE.minusMinutes(20)) < 0) {
            clock.advance(Duration.ofMinutes(20));
            worked = worked.plusMinutes(20);
            StaffSession carried = sessions.resume(cookie).orElseThrow(() -> new AssertionError("ended early"));
            cookie = sessions.renewal(carried).orElseThrow();
        }
        clock.advance(Duration.ofMinutes(20));
        assertEquals(Optional.empty(), sessions.resume(cookie), "eight hours after sign-in, however busy");
    }

    @Test
    void aRequestWithinAMinuteOfTheLastRenewalSetsNoCookie() {
        StaffSession carried = sessions.resume(sessions.cookieValue(sessions.start(EDITOR))).orElseThrow();
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), sessions.renewal(carried));
        clock.advance(Duration.ofSeconds(30));
        assertTrue(sessions.renewal(carried).isPresent());
    }

    @Test
    void aCookieFromAnotherKeyOrTamperedIsNoSession() {
        String cookie = sessions.cookieValue(sessions.start(EDITOR));
        byte[] other = SECRET.clone();
        other[5] ^= 1;
        assertEquals(Optional.empty(), new StaffSessions(other, clock).resume(cookie));
        assertEquals(Optional.empty(), sessions.resume(cookie.substring(0, cookie.length() - 2)));
        assertEquals(Optional.empty(), sessions.resume(null));
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        StaffSession session = sessions.start(EDITOR);
        assertTrue(StaffSessions.csrfMatches(session, session.csrfToken()));
        assertFalse(StaffSessions.csrfMatches(session, null));
        assertFalse(StaffSessions.csrfMatches(session, ""));
        assertFalse(StaffSessions.csrfMatches(session, session.csrfToken() + "x"));
        assertFalse(StaffSessions.csrfMatches(sessions.start(EDITOR), session.csrfToken()), "each session its own token");
        assertFalse(session.toString().contains(session.csrfToken()), "no token in a log line");
    }
}
