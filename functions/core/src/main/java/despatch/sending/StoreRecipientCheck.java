package despatch.sending;

import despatch.subscription.SubscriberStatus;
import despatch.subscription.SubscriberStore;
import java.util.Collections;
import java.util.Set;

/**
 * Reads the subscriber item itself (a strongly consistent read) before each send: the one source
 * of truth, where list memberships may lag a change made a moment ago.
 */
public final class StoreRecipientCheck implements RecipientCheck {
    private final SubscriberStore store;

    public StoreRecipientCheck(SubscriberStore store) {
        this.store = store;
    }

    @Override
    public boolean stillReceives(String subscriberId, Set<String> campaignLists) {
        return store.findSubscriber(subscriberId)
                .filter(subscriber -> subscriber.status() == SubscriberStatus.ACTIVE)
                .filter(subscriber -> !Collections.disjoint(subscriber.lists(), campaignLists))
                .isPresent();
    }
}
