package despatch.subscription;

import despatch.common.EmailAddress;
import despatch.office.Office;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

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
        VersionedWrites.<Void, RuntimeException>retrying(() -> {
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
        Instant now = clock.instant();
        Subscriber next = subscriber.next(reason, Set.of(), Set.of(), null, new ConsentRecord(now, ConsentAction.SUPPRESSED,
                subscriber.lists(), "", ConsentSource.MAIL_FEEDBACK, "", "", reason.name().toLowerCase(java.util.Locale.ROOT)), now);
        store.save(next);
        store.syncMemberships(next, VersionedWrites.listsToLeave(office, next, subscriber));
    }
}
