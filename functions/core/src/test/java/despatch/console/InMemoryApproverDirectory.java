package despatch.console;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The approvers noted at sign-in, in a map. */
public final class InMemoryApproverDirectory implements ApproverDirectory {
    private final Map<String, StaffContact> approvers = new ConcurrentHashMap<>();

    @Override
    public void signedIn(StaffIdentity who) {
        if (who.may(StaffRole.APPROVER)) {
            approvers.put(who.subject(), new StaffContact(who.subject(), who.name(), who.email()));
        } else {
            approvers.remove(who.subject());
        }
    }

    @Override
    public List<StaffContact> approvers() {
        return List.copyOf(approvers.values());
    }
}
