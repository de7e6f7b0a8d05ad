package despatch.sending;

import java.util.Optional;

/** Campaign records. Counters change by atomic addition, everything else by versioned writes. */
public interface CampaignStore {
    /** @return false when a campaign with this id exists already */
    boolean create(Campaign campaign);

    Optional<Campaign> find(String campaignId);

    /**
     * Writes status, cursor and the enqueued count if the stored version is the one before
     * {@code campaign.version()}; the delivery counters are left as they are.
     *
     * @throws despatch.common.ConcurrentChangeException when someone else wrote first
     */
    void save(Campaign campaign);

    /** The most recent campaigns first, by key (a registry item per campaign), never by Scan. */
    java.util.List<Campaign> recent(int limit);

    /** Counts one delivery, open or click event (only ever called with tracking on). */
    void addEngagement(String campaignId, String eventType);

    /** Adds one batch's ended deliveries to the counters. */
    void addCounts(String campaignId, long sent, long suppressed, long failed, long unknown);
}
