package despatch.console;

import java.util.List;

/**
 * The approvers to tell when an upload waits for them: Despatch never sees the identity
 * provider's directory, so each member of staff is noted (or struck off) as their sign-in shows
 * their roles. Someone made an approver is told from their next sign-in.
 */
public interface ApproverDirectory {

    /** Notes an approver who has just signed in, or strikes off someone who is no longer one. */
    void signedIn(StaffIdentity who);

    List<StaffContact> approvers();
}
