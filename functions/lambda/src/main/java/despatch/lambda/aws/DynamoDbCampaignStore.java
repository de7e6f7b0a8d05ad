package despatch.lambda.aws;

import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.CampaignStore;
import despatch.sending.FanOutCursor;
import despatch.sending.QuotaWait;
import despatch.common.ConcurrentChangeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Campaign records in the campaigns table, {@code pk CAMPAIGN#<id>, sk CAMPAIGN}, beside their
 * deliveries. Counters are changed only by ADD, so concurrent workers never lose each other's
 * counts; everything else by a versioned UpdateItem that leaves the counters alone.
 */
public final class DynamoDbCampaignStore implements CampaignStore {
    private static final String[] COUNTERS = {"sent", "suppressed", "failed", "unknown"};
    private static final String REGISTRY = "CAMPAIGNS";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCampaignStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public boolean create(Campaign campaign) {
        Map<String, AttributeValue> item = new HashMap<>(key(campaign.id()));
        item.put("slug", s(campaign.slug()));
        item.put("subject", s(campaign.subject()));
        item.put("lists", AttributeValue.fromL(campaign.lists().stream().map(DynamoDbCampaignStore::s).toList()));
        item.put("createdAt", s(campaign.createdAt().toString()));
        if (campaign.scheduledFor() != null) {
            item.put("scheduledFor", s(campaign.scheduledFor().toString()));
        }
        item.putAll(mutable(campaign));
        for (String counter : COUNTERS) {
            item.put(counter, n(0));
        }
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
        // The registry that lists campaigns newest first, by key; idempotent, written after the campaign.
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s(REGISTRY), "sk", s(campaign.createdAt() + "#" + campaign.id()),
                "campaignId", s(campaign.id()))));
        return true;
    }

    @Override
    /** Two requests whatever the limit (up to 100): the registry's Query, then one consistent BatchGetItem of the campaigns. */
    public java.util.List<Campaign> recent(int limit) {
        java.util.List<String> ids = dynamoDb.query(query -> query.tableName(table).keyConditionExpression("pk = :registry")
                        .expressionAttributeValues(Map.of(":registry", s(REGISTRY))).scanIndexForward(false).limit(limit))
                .items().stream().map(item -> item.get("campaignId").s()).toList();
        Map<String, Campaign> byId = new HashMap<>();
        for (Map<String, AttributeValue> item : new BatchReader(dynamoDb, table).read(ids.stream().map(DynamoDbCampaignStore::key).toList())) {
            Campaign campaign = campaign(item.get("pk").s().substring("CAMPAIGN#".length()), item);
            byId.put(campaign.id(), campaign);
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Optional<Campaign> find(String campaignId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(campaignId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(campaign(campaignId, item));
    }

    private static Campaign campaign(String campaignId, Map<String, AttributeValue> item) {
        return new Campaign(campaignId, item.get("slug").s(), item.get("subject").s(),
                item.get("lists").l().stream().map(AttributeValue::s).toList(), CampaignStatus.valueOf(item.get("status").s()),
                item.containsKey("scheduledFor") ? Instant.parse(item.get("scheduledFor").s()) : null,
                new FanOutCursor(number(item, "cursorList").intValue(), item.containsKey("cursorAfter") ? item.get("cursorAfter").s() : null),
                item.get("fanOutDone").bool(),
                new CampaignCounts(number(item, "enqueued"), number(item, "sent"), number(item, "suppressed"), number(item, "failed"),
                        number(item, "unknown")),
                Instant.parse(item.get("createdAt").s()), Instant.parse(item.get("updatedAt").s()), number(item, "version"),
                item.containsKey("quotaWaitUntil") ? new QuotaWait(Instant.parse(item.get("quotaWaitUntil").s()), number(item, "dailyQuota"))
                        : null);
    }

    @Override
    public void save(Campaign campaign) {
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        mutable(campaign).forEach((name, value) -> {
            set.append(set.length() > 4 ? ", " : "").append('#').append(name).append(" = :").append(name);
            values.put(":" + name, value);
        });
        Map<String, String> names = new HashMap<>();
        mutable(campaign).keySet().forEach(name -> names.put("#" + name, name));
        java.util.List<String> absent = new java.util.ArrayList<>();
        if (campaign.cursor().after() == null) {
            absent.add("cursorAfter");
        }
        if (campaign.quotaWait() == null) {
            absent.addAll(java.util.List.of("quotaWaitUntil", "dailyQuota"));
        }
        String update = set + (absent.isEmpty() ? "" : " REMOVE " + String.join(", ", absent));
        values.put(":previous", n(campaign.version() - 1));
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(campaign.id())).updateExpression(update)
                    .conditionExpression("version = :previous").expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("campaign " + campaign.id() + " changed since version " + (campaign.version() - 1));
        }
    }

    /** ADD on the campaign item: delivered, opened, clicked (lower-cased event types), only with tracking on. */
    @Override
    public void addEngagement(String campaignId, String eventType) {
        String counter = eventType.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(campaignId))
                    .updateExpression("ADD #counter :one")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#counter", "events_" + counter))
                    .expressionAttributeValues(Map.of(":one", n(1))));
        } catch (ConditionalCheckFailedException noSuchCampaign) {
            // Test sends are tagged "test": there is no campaign to count them on.
        }
    }

    @Override
    public void addCounts(String campaignId, long sent, long suppressed, long failed, long unknown) {
        dynamoDb.updateItem(u -> u.tableName(table).key(key(campaignId))
                .updateExpression("ADD sent :sent, suppressed :suppressed, failed :failed, #unknown :unknown")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#unknown", "unknown"))
                .expressionAttributeValues(Map.of(":sent", n(sent), ":suppressed", n(suppressed), ":failed", n(failed),
                        ":unknown", n(unknown))));
    }

    /** What a versioned save writes: never the delivery counters. */
    private static Map<String, AttributeValue> mutable(Campaign campaign) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put("status", s(campaign.status().name()));
        values.put("cursorList", n(campaign.cursor().listIndex()));
        if (campaign.cursor().after() != null) {
            values.put("cursorAfter", s(campaign.cursor().after()));
        }
        values.put("fanOutDone", AttributeValue.fromBool(campaign.fanOutDone()));
        if (campaign.quotaWait() != null) {
            values.put("quotaWaitUntil", s(campaign.quotaWait().until().toString()));
            values.put("dailyQuota", n(campaign.quotaWait().dailyQuota()));
        }
        values.put("enqueued", n(campaign.counts().enqueued()));
        values.put("updatedAt", s(campaign.updatedAt().toString()));
        values.put("version", n(campaign.version()));
        return values;
    }

    private static Map<String, AttributeValue> key(String campaignId) {
        return Map.of("pk", s("CAMPAIGN#" + campaignId), "sk", s("CAMPAIGN"));
    }

    private static Long number(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0L;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
