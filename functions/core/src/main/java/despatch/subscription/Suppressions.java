package despatch.subscription;

import despatch.common.EmailAddress;
import despatch.common.OptimisticRetry;
import despatch.office.Office;
import java.time.Clock;
import java.util.Optional;

/**
 * Stops all mail to an address the mail provider reported (a hard bounce, a complaint): the
 * address is suppressed, and its subscriber leaves every list with the reason in their history.
 * Only a fresh, confirmed sign-up lifts it.
 */
public final class Suppressions {
    private final Office office;
    private final SubscriberStore store;
    private final Clock clock;

    public Suppressions(Office office, SubscriberStore store, Clock clock) {
        this.office = office;
        this.store = store;
        this.clock = clock;
    }

    public void suppress(EmailAddress address, SubscriberStatus reason) {
        String key = AddressKey.of(address);
        // First, and on its own: even if the subscriber write below loses every race, the address is suppressed.
        store.suppressAddress(key, reason, clock.instant());
        OptimisticRetry.<Void, RuntimeException>retrying(() -> {
            leaveEveryList(key, reason);
            return null;
        });
    }

    private void leaveEveryList(String key, SubscriberStatus reason) {
        Optional<Subscriber> found = store.findAddress(key).flatMap(AddressRecord::subscriberId).flatMap(store::findSubscriber);
        if (found.isEmpty() || !found.get().status().canMoveTo(reason)) {
            return;
        }
        Subscriber subscriber = found.get();
        Subscriber next = subscriber.suppress(reason, clock.instant());
        store.save(next);
        store.syncMemberships(next, Memberships.toLeave(office, next, subscriber));
    }
}
