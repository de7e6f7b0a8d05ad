package despatch.sending;

import despatch.common.ConcurrentChangeException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The core's fake of {@link CampaignStore}: versioned saves that leave the counters alone, atomic additions. */
public final class InMemoryCampaignStore implements CampaignStore {
    private final Map<String, Campaign> campaigns = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean create(Campaign campaign) {
        return campaigns.putIfAbsent(campaign.id(), campaign) == null;
    }

    @Override
    public Optional<Campaign> find(String campaignId) {
        return Optional.ofNullable(campaigns.get(campaignId));
    }

    @Override
    public synchronized void save(Campaign campaign) {
        Campaign stored = campaigns.get(campaign.id());
        if (stored == null || stored.version() != campaign.version() - 1) {
            throw new ConcurrentChangeException("campaign " + campaign.id() + " changed");
        }
        CampaignCounts counts = new CampaignCounts(campaign.counts().enqueued(), stored.counts().sent(), stored.counts().suppressed(),
                stored.counts().failed(), stored.counts().unknown());
        campaigns.put(campaign.id(), new Campaign(campaign.id(), campaign.slug(), campaign.subject(), campaign.lists(), campaign.status(),
                campaign.scheduledFor(), campaign.cursor(), campaign.fanOutDone(), counts, campaign.createdAt(), campaign.updatedAt(),
                campaign.version(), campaign.quotaWait()));
    }

    @Override
    public java.util.List<Campaign> recent(int limit) {
        return campaigns.values().stream().sorted(java.util.Comparator.comparing(Campaign::createdAt).reversed()).limit(limit).toList();
    }

    public final Map<String, Integer> engagement = new ConcurrentHashMap<>();

    @Override
    public void addEngagement(String campaignId, String eventType) {
        engagement.merge(campaignId + ":" + eventType, 1, Integer::sum);
    }

    @Override
    public synchronized void addCounts(String campaignId, long sent, long suppressed, long failed, long unknown) {
        Campaign c = campaigns.get(campaignId);
        CampaignCounts n = c.counts();
        campaigns.put(campaignId, new Campaign(c.id(), c.slug(), c.subject(), c.lists(), c.status(), c.scheduledFor(), c.cursor(),
                c.fanOutDone(), new CampaignCounts(n.enqueued(), n.sent() + sent, n.suppressed() + suppressed, n.failed() + failed,
                        n.unknown() + unknown), c.createdAt(), c.updatedAt(), c.version(), c.quotaWait()));
    }
}
