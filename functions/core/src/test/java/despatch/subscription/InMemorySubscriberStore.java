package despatch.subscription;

import despatch.common.ConcurrentChangeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The core's own fake of {@link SubscriberStore}, with the same conditional-write rules as the DynamoDB one. */
public final class InMemorySubscriberStore implements SubscriberStore, despatch.console.SuppressionList {
    private final Map<String, AddressRecord> addresses = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<String, Member>> memberships = new ConcurrentHashMap<>();

    @Override
    public Optional<AddressRecord> findAddress(String addressKey) {
        return Optional.ofNullable(addresses.get(addressKey));
    }

    @Override
    public Map<String, AddressRecord> findAddresses(java.util.Collection<String> addressKeys) {
        Map<String, AddressRecord> found = new java.util.HashMap<>();
        addressKeys.forEach(key -> findAddress(key).ifPresent(record -> found.put(key, record)));
        return found;
    }

    @Override
    public synchronized void createAll(List<Subscriber> created) {
        for (Subscriber subscriber : created) {
            if (subscriber.version() != 1 || subscribers.containsKey(subscriber.id())) {
                throw new IllegalStateException("createAll is for brand-new subscribers only: " + subscriber);
            }
            subscribers.put(subscriber.id(), subscriber);
            syncMemberships(subscriber, Set.of());
        }
    }

    @Override
    public synchronized boolean claimAddress(String addressKey, String subscriberId) {
        AddressRecord current = addresses.get(addressKey);
        if (current != null && current.subscriberId().isPresent()) {
            return current.subscriberId().get().equals(subscriberId);
        }
        addresses.put(addressKey, new AddressRecord(addressKey, Optional.of(subscriberId),
                current == null ? Optional.empty() : current.suppression(), current == null ? Optional.empty() : current.suppressedAt()));
        return true;
    }

    @Override
    public synchronized void suppressAddress(String addressKey, SubscriberStatus reason, Instant at) {
        AddressRecord current = addresses.get(addressKey);
        Optional<String> holder = reason == SubscriberStatus.ERASED || current == null ? Optional.empty() : current.subscriberId();
        addresses.put(addressKey, new AddressRecord(addressKey, holder, Optional.of(reason), Optional.of(at)));
    }

    private final Map<String, Integer> softBounces = new ConcurrentHashMap<>();

    @Override
    public int countSoftBounce(String addressKey) {
        return softBounces.merge(addressKey, 1, Integer::sum);
    }

    @Override
    public synchronized void clearSuppression(String addressKey) {
        softBounces.remove(addressKey);
        AddressRecord current = addresses.get(addressKey);
        if (current != null) {
            addresses.put(addressKey, new AddressRecord(addressKey, current.subscriberId(), Optional.empty(), Optional.empty()));
        }
    }

    @Override
    public Optional<Subscriber> findSubscriber(String subscriberId) {
        return Optional.ofNullable(subscribers.get(subscriberId));
    }

    @Override
    public synchronized void save(Subscriber subscriber) {
        Subscriber current = subscribers.get(subscriber.id());
        long stored = current == null ? 0 : current.version();
        if (stored != subscriber.version() - 1) {
            throw new ConcurrentChangeException("stored version " + stored + ", writing " + subscriber.version());
        }
        subscribers.put(subscriber.id(), subscriber);
    }

    @Override
    public synchronized void delete(Subscriber subscriber) {
        Subscriber current = subscribers.get(subscriber.id());
        if (current != null && current.version() != subscriber.version()) {
            throw new ConcurrentChangeException("stored version " + current.version() + ", deleting " + subscriber.version());
        }
        subscribers.remove(subscriber.id());
    }

    @Override
    public synchronized void syncMemberships(Subscriber subscriber, Set<String> otherLists) {
        if (subscriber.status() == SubscriberStatus.ACTIVE) {
            for (String list : subscriber.lists()) {
                memberships.computeIfAbsent(list, l -> new TreeMap<>())
                        .put(subscriber.id(), new Member(subscriber.id(), subscriber.address(), subscriber.name(), subscriber.updatedAt(),
                                subscriber.lists()));
            }
        }
        for (String list : otherLists) {
            memberships.getOrDefault(list, new TreeMap<>()).remove(subscriber.id());
        }
    }

    @Override
    public synchronized MemberPage activeMembers(String listId, String cursor, int limit) {
        TreeMap<String, Member> members = memberships.getOrDefault(listId, new TreeMap<>());
        List<Member> page = new ArrayList<>((cursor == null ? members : members.tailMap(cursor, false)).values()
                .stream().limit(limit).toList());
        boolean more = !page.isEmpty() && members.higherKey(page.get(page.size() - 1).subscriberId()) != null;
        return new MemberPage(page, more ? Optional.of(page.get(page.size() - 1).subscriberId()) : Optional.empty());
    }

    /** Every list an address is an active member of, for assertions. */
    public Set<String> listsOf(String subscriberId) {
        Set<String> lists = new java.util.TreeSet<>();
        memberships.forEach((list, members) -> {
            if (members.containsKey(subscriberId)) {
                lists.add(list);
            }
        });
        return lists;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Suppressed address records, newest first; the cursor is the last one's time and key. */
    @Override
    public synchronized Page newestFirst(Optional<String> after, int limit) {
        java.util.List<AddressRecord> suppressed = addresses.values().stream().filter(record -> record.suppression().isPresent())
                .sorted(java.util.Comparator.comparing((AddressRecord record) -> record.suppressedAt().orElseThrow())
                        .thenComparing(AddressRecord::addressKey).reversed())
                .dropWhile(record -> after.isPresent() && !cursor(record).equals(after.get()))
                .skip(after.isPresent() ? 1 : 0)
                .toList();
        java.util.List<AddressRecord> page = suppressed.stream().limit(limit).toList();
        return new Page(page.stream().map(record -> new Entry(record.suppressedAt().orElseThrow(), record.suppression().orElseThrow(),
                record.subscriberId())).toList(), suppressed.size() > limit ? Optional.of(cursor(page.getLast())) : Optional.empty());
    }

    private static String cursor(AddressRecord record) {
        return record.suppressedAt().orElseThrow() + "|" + record.addressKey();
    }
}
