package despatch.publish;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Approvals in maps, for the core's unit tests: an approval is recorded once per version. */
public final class InMemoryApprovals implements Approvals {
    private final Map<String, AwaitingApproval> awaiting = new ConcurrentHashMap<>();
    private final Map<String, Approval> approvals = new ConcurrentHashMap<>();

    @Override
    public void await(AwaitingApproval request) {
        awaiting.put(request.uploadKey(), request);
    }

    @Override
    public void clearAwaiting(String uploadKey) {
        awaiting.remove(uploadKey);
    }

    @Override
    public List<AwaitingApproval> awaiting(int limit) {
        return awaiting.values().stream().sorted(Comparator.comparing(AwaitingApproval::since)).limit(limit).toList();
    }

    @Override
    public Optional<AwaitingApproval> awaitingFor(String uploadKey) {
        return Optional.ofNullable(awaiting.get(uploadKey));
    }

    @Override
    public boolean approve(Approval approval) {
        return approvals.putIfAbsent(approval.uploadKey() + "#" + approval.contentHash() + "#" + approval.waitingSince(), approval) == null;
    }

    @Override
    public Optional<Approval> approvalOf(String uploadKey, String contentHash, java.time.Instant waitingSince) {
        return Optional.ofNullable(approvals.get(uploadKey + "#" + contentHash + "#" + waitingSince));
    }
}
