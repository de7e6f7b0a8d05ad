package despatch.sending;

import java.util.List;
import java.util.Optional;

/** Hands everything to another store: a test overrides the one call it wants to go wrong (a save that loses a race). */
class ForwardingCampaignStore implements CampaignStore {
    private final CampaignStore store;

    ForwardingCampaignStore(CampaignStore store) {
        this.store = store;
    }

    @Override
    public boolean create(Campaign campaign) {
        return store.create(campaign);
    }

    @Override
    public Optional<Campaign> find(String id) {
        return store.find(id);
    }

    @Override
    public List<Campaign> recent(int limit) {
        return store.recent(limit);
    }

    @Override
    public void addEngagement(String id, String eventType) {
        store.addEngagement(id, eventType);
    }

    @Override
    public void addCounts(String id, long sent, long suppressed, long failed, long unknown) {
        store.addCounts(id, sent, suppressed, failed, unknown);
    }

    @Override
    public void save(Campaign campaign) {
        store.save(campaign);
    }
}
