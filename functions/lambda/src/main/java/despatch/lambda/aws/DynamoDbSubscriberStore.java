package despatch.lambda.aws;

import static despatch.lambda.aws.SubscriberItems.PK;
import static despatch.lambda.aws.SubscriberItems.SK;
import static despatch.lambda.aws.SubscriberItems.s;

import despatch.subscription.AddressRecord;
import despatch.common.ConcurrentChangeException;
import despatch.subscription.MemberPage;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.SubscriberStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Subscribers in one DynamoDB table (layout in {@link SubscriberItems}). Reads by key, writes
 * conditional on a single item; the only multi-item write is the membership sync, which is
 * idempotent and repeated by every later change.
 */
public final class DynamoDbSubscriberStore implements SubscriberStore {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final BatchWriter batches;

    public DynamoDbSubscriberStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.batches = new BatchWriter(dynamoDb, table);
    }

    @Override
    public Optional<AddressRecord> findAddress(String addressKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table)
                .key(SubscriberItems.addressKey(addressKey)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SubscriberItems.addressRecord(item));
    }

    /** BatchGetItem, 100 keys a request, strongly consistent like the single read. */
    @Override
    public Map<String, AddressRecord> findAddresses(Collection<String> addressKeys) {
        Map<String, AddressRecord> found = new HashMap<>();
        List<Map<String, AttributeValue>> wanted = new java.util.LinkedHashSet<>(addressKeys).stream().map(SubscriberItems::addressKey).toList();
        new BatchReader(dynamoDb, table).read(wanted).forEach(item -> {
            AddressRecord record = SubscriberItems.addressRecord(item);
            found.put(record.addressKey(), record);
        });
        return found;
    }

    @Override
    public boolean claimAddress(String addressKey, String subscriberId) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(SubscriberItems.addressKey(addressKey))
                    .updateExpression("SET subscriberId = :id")
                    .conditionExpression("attribute_not_exists(subscriberId) OR subscriberId = :id")
                    .expressionAttributeValues(Map.of(":id", s(subscriberId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void suppressAddress(String addressKey, SubscriberStatus reason, Instant at) {
        String forget = reason == SubscriberStatus.ERASED ? " REMOVE subscriberId" : "";
        dynamoDb.updateItem(update -> update.tableName(table).key(SubscriberItems.addressKey(addressKey))
                .updateExpression("SET suppression = :reason, suppressedAt = :at, " + DynamoDbSuppressionList.LISTED + " = :listed" + forget)
                .expressionAttributeValues(Map.of(":reason", s(reason.name()), ":at", s(at.toString()), ":listed",
                        s(DynamoDbSuppressionList.PARTITION))));
    }

    @Override
    public int countSoftBounce(String addressKey) {
        Map<String, AttributeValue> updated = dynamoDb.updateItem(update -> update.tableName(table)
                .key(SubscriberItems.addressKey(addressKey))
                .updateExpression("ADD softBounces :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_NEW)).attributes();
        return Integer.parseInt(updated.get("softBounces").n());
    }

    @Override
    public void clearSuppression(String addressKey) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(SubscriberItems.addressKey(addressKey))
                    .updateExpression("REMOVE suppression, suppressedAt, softBounces, " + DynamoDbSuppressionList.LISTED)
                    .conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException nothingToClear) {
            // No address record: nothing was suppressed.
        }
    }

    @Override
    public Optional<Subscriber> findSubscriber(String subscriberId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table)
                .key(SubscriberItems.subscriberKey(subscriberId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SubscriberItems.subscriber(item));
    }

    @Override
    public void save(Subscriber subscriber) {
        long previous = subscriber.version() - 1;
        try {
            dynamoDb.putItem(put -> {
                put.tableName(table).item(SubscriberItems.subscriberItem(subscriber));
                if (previous == 0) {
                    put.conditionExpression("attribute_not_exists(pk)");
                } else {
                    put.conditionExpression("version = :previous")
                            .expressionAttributeValues(Map.of(":previous", AttributeValue.fromN(Long.toString(previous))));
                }
            });
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("subscriber " + subscriber.id() + " changed since version " + previous);
        }
    }

    @Override
    public void createAll(List<Subscriber> subscribers) {
        List<WriteRequest> writes = new ArrayList<>();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.version() != 1) {
                throw new IllegalArgumentException("createAll writes new subscribers only, not version " + subscriber.version());
            }
            writes.add(put(SubscriberItems.subscriberItem(subscriber)));
            if (subscriber.status() == SubscriberStatus.ACTIVE) {
                subscriber.lists().forEach(list -> writes.add(put(SubscriberItems.memberItem(list, subscriber))));
            }
        }
        batches.write(writes);
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    @Override
    public void delete(Subscriber subscriber) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(SubscriberItems.subscriberKey(subscriber.id()))
                    .conditionExpression("attribute_not_exists(pk) OR version = :version")
                    .expressionAttributeValues(Map.of(":version", AttributeValue.fromN(Long.toString(subscriber.version())))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("subscriber " + subscriber.id() + " changed since version " + subscriber.version());
        }
    }

    @Override
    public void syncMemberships(Subscriber subscriber, Set<String> otherLists) {
        List<WriteRequest> writes = new ArrayList<>();
        if (subscriber.status() == SubscriberStatus.ACTIVE) {
            for (String list : subscriber.lists()) {
                writes.add(put(SubscriberItems.memberItem(list, subscriber)));
            }
        }
        for (String list : otherLists) {
            if (subscriber.status() != SubscriberStatus.ACTIVE || !subscriber.lists().contains(list)) {
                writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(SubscriberItems.memberKey(list, subscriber.id())).build()).build());
            }
        }
        batches.write(writes);
    }

    /** Eventually consistent: half a read unit per 4 KB, about 25 members per unit. */
    @Override
    public MemberPage activeMembers(String listId, String cursor, int limit) {
        QueryResponse page = dynamoDb.query(query -> {
            query.tableName(table).keyConditionExpression("pk = :list")
                    .expressionAttributeValues(Map.of(":list", s(SubscriberItems.listPartition(listId))))
                    .limit(limit);
            if (cursor != null) {
                query.exclusiveStartKey(SubscriberItems.memberKey(listId, cursor));
            }
        });
        Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? Optional.of(page.lastEvaluatedKey().get(SK).s()) : Optional.empty();
        return new MemberPage(page.items().stream().map(SubscriberItems::member).toList(), next);
    }

}
