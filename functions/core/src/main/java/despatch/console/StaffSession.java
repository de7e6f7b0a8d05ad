package despatch.console;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in member of staff, as the session cookie carries them between requests.
 *
 * @param who          who signed in, and their roles at that moment
 * @param startedAt    when they signed in: the absolute expiry counts from here
 * @param lastActiveAt when the cookie was last renewed, at most a minute after their last request:
 *                     the idle expiry counts from here, so it falls 29 to 30 minutes after that request
 * @param csrfToken    put in every form; a state-changing request without it is refused
 */
public record StaffSession(StaffIdentity who, Instant startedAt, Instant lastActiveAt, String csrfToken) {

    public StaffSession {
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastActiveAt, "lastActiveAt");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    StaffSession activeAt(Instant now) {
        return new StaffSession(who, startedAt, now, csrfToken);
    }

    /** No token in logs or exception messages. */
    @Override
    public String toString() {
        return "StaffSession[" + who.subject() + ", " + who.roles() + ", since " + startedAt + "]";
    }
}
