package despatch.console.web;

import despatch.console.StaffRole;
import despatch.console.StaffSession;
import java.util.ArrayList;
import java.util.List;

/** What the console's first page shows of the person signed in. */
public record ConsoleHomeView(String name, String email, List<String> abilities, String csrfToken) {

    static ConsoleHomeView of(StaffSession session) {
        List<String> abilities = new ArrayList<>();
        if (session.who().may(StaffRole.EDITOR)) {
            abilities.add("Upload, preview, test send and submit articles");
        }
        if (session.who().may(StaffRole.APPROVER)) {
            abilities.add("Approve and send; start, cancel and resend campaigns");
        }
        if (session.who().may(StaffRole.ADMIN)) {
            abilities.add("Look up, export and import subscribers; the suppression list; rebuild the site");
        }
        String name = session.who().name().isBlank() ? session.who().email() : session.who().name();
        return new ConsoleHomeView(name, session.who().email(), List.copyOf(abilities), session.csrfToken());
    }

    /** Neither the address nor the CSRF token. */
    @Override
    public String toString() {
        return "ConsoleHomeView" + abilities;
    }
}
