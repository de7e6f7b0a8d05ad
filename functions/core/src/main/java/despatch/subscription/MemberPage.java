package despatch.subscription;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list's active members in a stable order (by subscriber id), and the cursor to
 * resume after it; no cursor means the list is done.
 */
public record MemberPage(List<Member> members, Optional<String> nextCursor) {
}
