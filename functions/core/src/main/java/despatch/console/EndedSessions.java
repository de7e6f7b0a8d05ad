package despatch.console;

import despatch.common.Hashes;
import java.time.Instant;

/**
 * Sessions ended by signing out. A session lives in its sealed cookie, so ending it in one
 * browser would leave a copy of the cookie (or a request already under way, renewing it) working
 * until it expired: each sign-out is noted here until the session's absolute expiry, and a
 * request whose session is noted is treated as signed out.
 */
public interface EndedSessions {

    void end(String sessionId, Instant until);

    boolean isEnded(String sessionId);

    /** A session's id: a hash of its CSRF token, which is random per session and never stored itself. */
    static String idOf(StaffSession session) {
        return Hashes.sha256("despatch-session:" + session.csrfToken());
    }
}
