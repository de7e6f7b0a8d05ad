package despatch.local.stack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A member of staff the local identity provider lets sign in, as an administrator would invite
 * them into the Cognito user pool in AWS.
 *
 * @param group the console role the provider's {@code cognito:groups} claim gives: editor, approver or admin
 */
public record StaffAccount(String email, String password, String name, String group) {

    public StaffAccount {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
    }

    /**
     * One account per role, with passwords made up for this stack: a press officer who writes,
     * the office manager who approves, and an administrator.
     */
    static List<StaffAccount> demo(SecureRandom random) {
        return List.of(
                new StaffAccount("press.officer@example.org.uk", password(random), "Pat Press Officer", "editor"),
                new StaffAccount("office.manager@example.org.uk", password(random), "Morgan Office Manager", "approver"),
                new StaffAccount("admin@example.org.uk", password(random), "Sam Administrator", "admin"));
    }

    private static String password(SecureRandom random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + email + ", " + group + "]";
    }
}
