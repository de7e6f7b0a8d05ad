package despatch.lambda.aws;

import despatch.sending.DeliveryLedger;
import despatch.sending.DeliveryState;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Delivery records in the campaigns table, {@code pk CAMPAIGN#<id>, sk DELIVERY#<subscriber id>}:
 * a campaign's deliveries share its partition, so its unknown outcomes are one Query away.
 * A claim is one conditional PutItem (1 WCU), a mark one UpdateItem (1 WCU).
 */
public final class DynamoDbDeliveryLedger implements DeliveryLedger {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbDeliveryLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean claim(String campaignId, String subscriberId, Instant at) {
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of("pk", s("CAMPAIGN#" + campaignId), "sk", s("DELIVERY#" + subscriberId),
                            "state", s(DeliveryState.CLAIMED.name()), "at", s(at.toString())))
                    .conditionExpression("attribute_not_exists(pk) OR #state = :retry")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":retry", s(DeliveryState.RETRY.name()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void mark(String campaignId, String subscriberId, DeliveryState state, String detail, Instant at) {
        dynamoDb.updateItem(update -> update.tableName(table)
                .key(Map.of("pk", s("CAMPAIGN#" + campaignId), "sk", s("DELIVERY#" + subscriberId)))
                .updateExpression("SET #state = :state, detail = :detail, #at = :at")
                .expressionAttributeNames(Map.of("#state", "state", "#at", "at"))
                .expressionAttributeValues(Map.of(":state", s(state.name()), ":detail", s(detail == null ? "" : detail),
                        ":at", s(at.toString()))));
    }

    @Override
    public java.util.List<String> unknownOutcomes(String campaignId) {
        return unknownOutcomes(campaignId, Instant.MAX);
    }

    /** A Query of the campaign's partition (its deliveries), keeping the ones still CLAIMED since before the cutoff. */
    @Override
    public java.util.List<String> unknownOutcomes(String campaignId, Instant claimedBefore) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        dynamoDb.queryPaginator(query -> query.tableName(table)
                        .keyConditionExpression("pk = :campaign AND begins_with(sk, :delivery)")
                        .filterExpression("#state = :claimed AND #at < :before")
                        .expressionAttributeNames(Map.of("#state", "state", "#at", "at"))
                        .expressionAttributeValues(Map.of(":campaign", s("CAMPAIGN#" + campaignId), ":delivery", s("DELIVERY#"),
                                ":claimed", s(DeliveryState.CLAIMED.name()), ":before", s(claimedBefore.equals(Instant.MAX)
                                        ? "9999" : claimedBefore.toString()))))
                .items().forEach(item -> ids.add(item.get("sk").s().substring("DELIVERY#".length())));
        return ids;
    }

    /** The state of one delivery, or null when it was never claimed; for staff tools and tests. */
    public DeliveryState stateOf(String campaignId, String subscriberId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of("pk", s("CAMPAIGN#" + campaignId), "sk", s("DELIVERY#" + subscriberId)))).item();
        return item == null || item.isEmpty() ? null : DeliveryState.valueOf(item.get("state").s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
