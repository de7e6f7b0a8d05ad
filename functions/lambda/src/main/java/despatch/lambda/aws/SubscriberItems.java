package despatch.lambda.aws;

import despatch.subscription.AddressRecord;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.subscription.Member;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The subscribers table's item shapes, one partition key pattern per access path:
 * <pre>
 * pk ADDRESS#&lt;sha256 of address&gt;  sk ADDRESS      subscriberId?, suppression?, suppressedAt?
 * pk SUBSCRIBER#&lt;id&gt;               sk PROFILE      email, name, postcode, status, lists, pendingLists, nonce, consents, version
 * pk LIST#&lt;list id&gt;                sk &lt;subscriber id&gt; email, name, since, lists   (active members only: a Query pages a list by key)
 * pk LIMIT#&lt;kind&gt;#&lt;hash&gt;          sk &lt;day&gt;        count, expiresAt (TTL)
 * </pre>
 */
final class SubscriberItems {
    static final String PK = "pk";
    static final String SK = "sk";
    /** Long enough for the 7-day link and a reminder from a friend; short enough not to hoard strangers' data. */
    static final java.time.Duration UNCONFIRMED_KEPT = java.time.Duration.ofDays(30);

    private SubscriberItems() {
    }

    static Map<String, AttributeValue> addressKey(String addressKey) {
        return key("ADDRESS#" + addressKey, "ADDRESS");
    }

    static Map<String, AttributeValue> subscriberKey(String id) {
        return key("SUBSCRIBER#" + id, "PROFILE");
    }

    static Map<String, AttributeValue> memberKey(String listId, String subscriberId) {
        return key(listPartition(listId), subscriberId);
    }

    static String listPartition(String listId) {
        return "LIST#" + listId;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static AddressRecord addressRecord(Map<String, AttributeValue> item) {
        return new AddressRecord(item.get(PK).s().substring("ADDRESS#".length()),
                Optional.ofNullable(item.get("subscriberId")).map(AttributeValue::s),
                Optional.ofNullable(item.get("suppression")).map(v -> SubscriberStatus.valueOf(v.s())),
                Optional.ofNullable(item.get("suppressedAt")).map(v -> Instant.parse(v.s())));
    }

    static Map<String, AttributeValue> subscriberItem(Subscriber subscriber) {
        Map<String, AttributeValue> item = new HashMap<>(subscriberKey(subscriber.id()));
        item.put("email", s(subscriber.address().forDelivery()));
        item.put("name", s(subscriber.name()));
        item.put("postcode", s(subscriber.postcode()));
        item.put("status", s(subscriber.status().name()));
        putSet(item, "lists", subscriber.lists());
        putSet(item, "pendingLists", subscriber.pendingLists());
        if (subscriber.confirmationNonce() != null) {
            item.put("nonce", s(subscriber.confirmationNonce()));
        }
        item.put("consents", AttributeValue.fromL(subscriber.consents().stream().map(SubscriberItems::consent).toList()));
        item.put("createdAt", s(subscriber.createdAt().toString()));
        item.put("updatedAt", s(subscriber.updatedAt().toString()));
        item.put("version", AttributeValue.fromN(Long.toString(subscriber.version())));
        if (subscriber.isUnconfirmedStranger()) {
            // Someone typed this address and it never confirmed: the table's TTL removes it.
            item.put("expiresAt", AttributeValue.fromN(Long.toString(
                    subscriber.updatedAt().plus(UNCONFIRMED_KEPT).getEpochSecond())));
        }
        return item;
    }

    static Subscriber subscriber(Map<String, AttributeValue> item) {
        String id = item.get(PK).s().substring("SUBSCRIBER#".length());
        return new Subscriber(id, address(item.get("email").s()), text(item, "name"), text(item, "postcode"),
                SubscriberStatus.valueOf(item.get("status").s()), set(item, "lists"), set(item, "pendingLists"),
                item.containsKey("nonce") ? item.get("nonce").s() : null,
                item.containsKey("consents") ? item.get("consents").l().stream().map(c -> consent(c.m())).toList() : List.of(),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get("version").n()));
    }

    static Map<String, AttributeValue> memberItem(String listId, Subscriber subscriber) {
        Map<String, AttributeValue> item = new HashMap<>(memberKey(listId, subscriber.id()));
        item.put("email", s(subscriber.address().forDelivery()));
        item.put("name", s(subscriber.name()));
        item.put("since", s(subscriber.updatedAt().toString()));
        putSet(item, "lists", subscriber.lists());
        return item;
    }

    static Member member(Map<String, AttributeValue> item) {
        return new Member(item.get(SK).s(), address(item.get("email").s()), text(item, "name"), Instant.parse(item.get("since").s()),
                set(item, "lists"));
    }

    private static AttributeValue consent(ConsentRecord consent) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("at", s(consent.at().toString()));
        map.put("action", s(consent.action().name()));
        map.put("lists", AttributeValue.fromL(consent.lists().stream().map(SubscriberItems::s).toList()));
        map.put("wording", s(consent.wordingVersion()));
        map.put("source", s(consent.source().name()));
        map.put("ip", s(consent.ipAddress()));
        map.put("userAgent", s(consent.userAgent()));
        map.put("evidence", s(consent.evidence()));
        return AttributeValue.fromM(map);
    }

    private static ConsentRecord consent(Map<String, AttributeValue> map) {
        return new ConsentRecord(Instant.parse(map.get("at").s()), ConsentAction.valueOf(map.get("action").s()),
                Set.copyOf(map.get("lists").l().stream().map(AttributeValue::s).toList()), text(map, "wording"),
                ConsentSource.valueOf(map.get("source").s()), text(map, "ip"), text(map, "userAgent"), text(map, "evidence"));
    }

    /** Addresses were checked before they were stored; a stored one that no longer parses is a bug worth failing on. */
    private static EmailAddress address(String stored) {
        try {
            return EmailAddress.stored(stored);
        } catch (InvalidEmailAddressException e) {
            throw new IllegalStateException("A stored address no longer passes the address check", e);
        }
    }

    private static void putSet(Map<String, AttributeValue> item, String name, Collection<String> values) {
        // DynamoDB refuses empty sets: an absent attribute means none.
        if (!values.isEmpty()) {
            item.put(name, AttributeValue.fromSs(List.copyOf(values)));
        }
    }

    private static Set<String> set(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Set.copyOf(item.get(name).ss()) : Set.of();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : "";
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
