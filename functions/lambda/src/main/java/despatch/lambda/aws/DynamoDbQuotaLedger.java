package despatch.lambda.aws;

import despatch.sending.QuotaLedger;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The daily quota's reservations as one item in the campaigns table, {@code pk QUOTA, sk DAILY}:
 * a map of slot (epoch seconds) to count, and a version. A reservation is one UpdateItem that
 * adds to its slot, drops the expired ones and moves the version on, only if the version is the
 * one read. A give-back only takes off its slot, by an expression that no reservation's own can
 * lose, and leaves the version alone: a reservation that read the count before it was only more
 * cautious. At most 146 slots of a few bytes: one read unit.
 */
public final class DynamoDbQuotaLedger implements QuotaLedger {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("QUOTA"), "sk", AttributeValue.fromS("DAILY"));

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbQuotaLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Reservations read() {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(KEY).consistentRead(true)).item();
        TreeMap<Instant, Long> slots = new TreeMap<>();
        if (item == null || !item.containsKey("version")) {
            return new Reservations(slots, 0);
        }
        item.getOrDefault("slots", AttributeValue.fromM(Map.of())).m()
                .forEach((slot, count) -> slots.put(Instant.ofEpochSecond(Long.parseLong(slot)), Long.parseLong(count.n())));
        return new Reservations(slots, Long.parseLong(item.get("version").n()));
    }

    @Override
    public boolean reserve(Instant slot, long count, long version, Collection<Instant> expired) {
        Map<String, String> names = new HashMap<>(Map.of("#slots", "slots", "#slot", name(slot)));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":count", n(count), ":next", n(version + 1)));
        String update;
        String condition;
        if (version == 0) {
            update = "SET #slots = :first, version = :next";
            condition = "attribute_not_exists(version)";
            names.remove("#slot");
            values.remove(":count");
            values.put(":first", AttributeValue.fromM(Map.of(name(slot), n(count))));
        } else {
            StringBuilder remove = new StringBuilder();
            int i = 0;
            for (Instant old : expired) {
                names.put("#old" + i, name(old));
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append("#slots.#old").append(i++);
            }
            update = "SET #slots.#slot = if_not_exists(#slots.#slot, :zero) + :count, version = :next" + remove;
            condition = "version = :version";
            values.put(":zero", n(0));
            values.put(":version", n(version));
        }
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(KEY).updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void giveBack(Instant slot, long count) {
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(KEY)
                    .updateExpression("SET #slots.#slot = #slots.#slot - :count")
                    .conditionExpression("attribute_exists(#slots.#slot)")
                    .expressionAttributeNames(Map.of("#slots", "slots", "#slot", name(slot)))
                    .expressionAttributeValues(Map.of(":count", n(count))));
        } catch (ConditionalCheckFailedException gone) {
            // The slot has left the 24 hours already: nothing there to give back to.
        }
    }

    private static String name(Instant slot) {
        return Long.toString(slot.getEpochSecond());
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
