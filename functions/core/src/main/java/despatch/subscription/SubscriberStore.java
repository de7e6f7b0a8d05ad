package despatch.subscription;

import despatch.common.ConcurrentChangeException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where subscribers live. Every write is a single-item conditional write (no transactions), so
 * each operation is ordered to be safe to repeat: the subscriber item is the truth, address
 * records and list memberships follow from it and are repaired by the next write.
 */
public interface SubscriberStore {

    Optional<AddressRecord> findAddress(String addressKey);

    /** Many address records at once (imports): the ones that exist, by key. */
    Map<String, AddressRecord> findAddresses(Collection<String> addressKeys);

    /**
     * Points an address at a subscriber, unless another subscriber holds it already.
     *
     * @return true when the address is now this subscriber's
     */
    boolean claimAddress(String addressKey, String subscriberId);

    /** Marks the address suppressed; for erasure also forgets which subscriber had it. */
    void suppressAddress(String addressKey, SubscriberStatus reason, Instant at);

    /** Counts one more soft bounce for the address. @return the count so far */
    int countSoftBounce(String addressKey);

    /** Lifts a suppression after a fresh, confirmed opt-in. */
    void clearSuppression(String addressKey);

    Optional<Subscriber> findSubscriber(String subscriberId);

    /**
     * Writes the subscriber if the stored version is the one before {@code subscriber.version()}
     * (or none is stored, for version 1).
     *
     * @throws ConcurrentChangeException when another write got there first
     */
    void save(Subscriber subscriber);

    /**
     * Writes brand-new subscribers (version 1, fresh ids whose addresses this caller has just
     * claimed) and their memberships in batches, without conditions: a batch of 25 costs one
     * request instead of 25. A sign-up for the same address in the moment between the claim and
     * this write finds the claim and writes the same id; this write then replaces it (the
     * sign-up's confirmation link stops working, and the person can ask again).
     */
    void createAll(List<Subscriber> subscribers);

    /**
     * Removes the subscriber item, with its consent history, if it is still at
     * {@code subscriber.version()} (or already gone).
     *
     * @throws ConcurrentChangeException when someone wrote it since
     */
    void delete(Subscriber subscriber);

    /**
     * Makes the list memberships match the subscriber: one for each of its lists while it is
     * active, none for {@code otherLists}.
     */
    void syncMemberships(Subscriber subscriber, Set<String> otherLists);

    /**
     * Up to {@code limit} active members of a list after the cursor (null for the start), by key.
     * Memberships are written after the subscriber item and without a condition, so two changes
     * racing can leave one stale until the subscriber's next change: a sender must check the
     * subscriber's status and lists before each send.
     */
    MemberPage activeMembers(String listId, String cursor, int limit);
}
