package despatch.sending;

import java.util.List;
import java.util.Map;

/**
 * What one batch of recipients came to.
 *
 * @param ended recipients whose delivery ended in this batch (sent, suppressed, failed), by subscriber id
 * @param alreadyClaimed recipients an earlier attempt had claimed: skipped, never sent twice
 * @param unknown recipients claimed whose send outcome cannot be known (the provider failed in an unexpected way)
 * @param retry recipients not sent now that must be tried again later (throttled, paused, not reached)
 * @param paused true when sending must wait for staff: the provider paused it, or the campaign is paused or held
 */
public record BatchOutcome(Map<String, DeliveryState> ended, List<Recipient> alreadyClaimed, List<Recipient> unknown,
        List<Recipient> retry, boolean paused) {
}
