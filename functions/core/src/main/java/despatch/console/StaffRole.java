package despatch.console;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a member of staff may do in the console, from the groups the identity provider puts in
 * their ID token ({@code cognito:groups}). Each role includes the ones before it: an approver may
 * do everything an editor may, an admin everything an approver may.
 */
public enum StaffRole {
    /** Upload, preview, test send, submit for approval. */
    EDITOR,
    /** Also approve and send, start, cancel, resend unknown outcomes. */
    APPROVER,
    /** Also look up, export and import subscribers, the suppression list, rebuild the site. */
    ADMIN;

    /** The group name in the provider, as an administrator types it: editor, approver, admin. */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Every role the groups give, the roles each includes added. Groups that name no role (an
     * office's other groups in the same user pool) give nothing, and none is a refusal later, not here.
     */
    public static Set<StaffRole> fromGroups(Collection<String> groups) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (StaffRole role : values()) {
            if (groups.contains(role.group())) {
                roles.addAll(EnumSet.range(EDITOR, role));
            }
        }
        return roles;
    }
}
