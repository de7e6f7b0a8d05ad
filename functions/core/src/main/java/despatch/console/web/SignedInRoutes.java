package despatch.console.web;

import java.util.Optional;

/**
 * One section of the console for signed-in staff (the dashboard, campaigns, the audit trail).
 * The session, and the CSRF token of every POST, are checked before it is asked.
 */
interface SignedInRoutes {

    /** Its answer, or empty when the path is not one of its own. */
    Optional<ConsoleResponse> handle(StaffRequest request);
}
