package despatch.console.web;

import despatch.console.StaffRole;
import despatch.console.StaffSession;

/**
 * What every signed-in page's header needs: who is signed in, which sections they may see, the
 * session's CSRF token for the sign-out form, and the current section.
 *
 * @param current dashboard, campaigns or audit
 */
public record ConsoleFrame(String name, String csrfToken, boolean approver, boolean admin, String current) {

    static ConsoleFrame of(StaffSession session, String current) {
        String name = session.who().name().isBlank() ? session.who().email() : session.who().name();
        return new ConsoleFrame(name, session.csrfToken(), session.who().may(StaffRole.APPROVER), session.who().may(StaffRole.ADMIN),
                current);
    }

    /** Not the token. */
    @Override
    public String toString() {
        return "ConsoleFrame[" + current + "]";
    }
}
