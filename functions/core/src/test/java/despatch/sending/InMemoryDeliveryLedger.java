package despatch.sending;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The core's fake of {@link DeliveryLedger}, with the same claim rule as the DynamoDB one. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {
    public record Entry(DeliveryState state, String detail, Instant at) {
        public Entry(DeliveryState state, String detail) {
            this(state, detail, Instant.EPOCH);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean claim(String campaignId, String subscriberId, Instant at) {
        Entry current = entries.get(campaignId + "/" + subscriberId);
        if (current != null && current.state() != DeliveryState.RETRY) {
            return false;
        }
        entries.put(campaignId + "/" + subscriberId, new Entry(DeliveryState.CLAIMED, "", at));
        return true;
    }

    @Override
    public synchronized void mark(String campaignId, String subscriberId, DeliveryState state, String detail, Instant at) {
        entries.put(campaignId + "/" + subscriberId, new Entry(state, detail));
    }

    @Override
    public java.util.List<String> unknownOutcomes(String campaignId) {
        return entries.entrySet().stream()
                .filter(e -> e.getKey().startsWith(campaignId + "/") && e.getValue().state() == DeliveryState.CLAIMED)
                .map(e -> e.getKey().substring(campaignId.length() + 1)).sorted().toList();
    }

    @Override
    public java.util.List<String> unknownOutcomes(String campaignId, Instant claimedBefore) {
        return entries.entrySet().stream()
                .filter(e -> e.getKey().startsWith(campaignId + "/") && e.getValue().state() == DeliveryState.CLAIMED
                        && e.getValue().at().isBefore(claimedBefore))
                .map(e -> e.getKey().substring(campaignId.length() + 1)).sorted().toList();
    }

    public Entry entry(String campaignId, String subscriberId) {
        return entries.get(campaignId + "/" + subscriberId);
    }
}
