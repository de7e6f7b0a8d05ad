package despatch.lambda.aws;

import static despatch.lambda.aws.SubscriberItems.PK;
import static despatch.lambda.aws.SubscriberItems.SK;
import static despatch.lambda.aws.SubscriberItems.s;

import despatch.subscription.AddressRecord;
import despatch.subscription.ConcurrentChangeException;
import despatch.subscription.MemberPage;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.SubscriberStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AddressRecord(addressKey,
                Optional.ofNullable(item.get("subscriberId")).map(AttributeValue::s),
                Optional.ofNullable(item.get("suppression")).map(v -> SubscriberStatus.valueOf(v.s())),
                Optional.ofNullable(item.get("suppressedAt")).map(v -> Instant.parse(v.s()))));
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
                .updateExpression("SET suppression = :reason, suppressedAt = :at" + forget)
                .expressionAttributeValues(Map.of(":reason", s(reason.name()), ":at", s(at.toString()))));
    }

    @Override
    public void clearSuppression(String addressKey) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(SubscriberItems.addressKey(addressKey))
                    .updateExpression("REMOVE suppression, suppressedAt")
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
    public void delete(Subscriber subscriber) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(SubscriberItems.subscriberKey(subscriber.id())));
    }

    @Override
    public void syncMemberships(Subscriber subscriber, Set<String> otherLists) {
        List<WriteRequest> writes = new ArrayList<>();
        if (subscriber.status() == SubscriberStatus.ACTIVE) {
            for (String list : subscriber.lists()) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(SubscriberItems.memberItem(list, subscriber)).build()).build());
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
