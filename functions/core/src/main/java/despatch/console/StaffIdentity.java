package despatch.console;

import java.util.Objects;
import java.util.Set;

/**
 * A member of staff as a validated ID token describes them.
 *
 * @param subject the provider's stable id for the person ({@code sub}); audit entries name this
 * @param email   their address, where test sends and notifications go
 * @param name    as the provider gives it, for the console's header; may be empty
 * @param roles   what they may do; empty when none of their groups names a role
 */
public record StaffIdentity(String subject, String email, String name, Set<StaffRole> roles) {

    public StaffIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(email, "email");
        name = name == null ? "" : name;
        roles = Set.copyOf(roles);
    }

    public boolean may(StaffRole role) {
        return roles.contains(role);
    }

    /** The subject and roles: no address in a log line. */
    @Override
    public String toString() {
        return "StaffIdentity[" + subject + ", " + roles + "]";
    }
}
