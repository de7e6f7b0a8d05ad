package despatch.sending;

import despatch.common.OptimisticRetry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * What every campaign use case does: load the campaign, ask it for a move, save the result; again
 * from a fresh read when another writer (a fan-out page, a staff action) got there first.
 */
final class CampaignUpdates {
    private final CampaignStore campaigns;
    private final Clock clock;

    CampaignUpdates(CampaignStore campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    Campaign load(String campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignId));
    }

    /**
     * @param when whether the move applies to the campaign as it stands now (a move that no longer
     *     applies, because someone else moved the campaign first, is not made)
     * @return the campaign as saved, or empty when the move did not apply
     */
    Optional<Campaign> update(String campaignId, Predicate<Campaign> when, BiFunction<Campaign, Instant, Campaign> move) {
        return OptimisticRetry.<Optional<Campaign>, RuntimeException>retrying(() -> {
            Campaign campaign = load(campaignId);
            if (!when.test(campaign)) {
                return Optional.empty();
            }
            Campaign next = move.apply(campaign, clock.instant());
            campaigns.save(next);
            return Optional.of(next);
        });
    }

    /** Marks the campaign sent once everyone is accounted for; otherwise nothing. @return it, finished by this call */
    Optional<Campaign> finishIfAccountedFor(String campaignId) {
        return update(campaignId, Campaign::isReadyToFinish, Campaign::finish);
    }

    /** @return false when the campaign is over already (sent or cancelled) */
    boolean cancel(String campaignId) {
        return update(campaignId, campaign -> !campaign.status().isFinished(), Campaign::cancel).isPresent();
    }
}
