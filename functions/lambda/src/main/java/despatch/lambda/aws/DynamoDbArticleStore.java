package despatch.lambda.aws;

import despatch.article.ArticleKind;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.publish.ArticleStore;
import despatch.common.ConcurrentChangeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Article records keyed by slug: one PutItem per publish, about 1 write unit for a typical record.
 * Published articles also carry the keys of the sparse index {@value #INDEX} (one partition, sorted
 * by date), so the site lists them with a Query, never a Scan; scheduled and unpublished records
 * are not in it. Beside each record, a small item keyed {@code upload:<key>} remembers which slug
 * an upload published (slugs are lower-case letters, digits and hyphens, so the two never meet).
 */
public final class DynamoDbArticleStore implements ArticleStore {
    public static final String INDEX = "Published";
    static final String LISTING = "listing";
    static final String LISTING_ORDER = "listingOrder";
    private static final String ON_SITE = "SITE";
    private static final String UPLOAD_PREFIX = "upload:";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbArticleStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Conditional on the record read before (its state and last change), or on there being none. */
    @Override
    public void save(ArticleRecord record, ArticleRecord replacing) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("slug", s(record.slug()));
        item.put("title", s(record.title()));
        item.put("summary", s(record.summary()));
        item.put("kind", s(record.kind().id()));
        item.put("date", s(record.date().toString()));
        item.put("state", s(record.state().name()));
        item.put("updatedAt", s(record.updatedAt().toString()));
        item.put("uploadKey", s(record.uploadKey()));
        item.put("webPath", s(record.webPath()));
        item.put("emailLocation", s(record.emailLocation()));
        item.put("lists", strings(record.lists()));
        item.put("warnings", strings(record.warnings()));
        putInstant(item, "embargo", record.embargo());
        putInstant(item, "publishedAt", record.publishedAt());
        if (record.uploadHash() != null) {
            item.put("uploadHash", s(record.uploadHash()));
        }
        if (record.contentHash() != null) {
            item.put("contentHash", s(record.contentHash()));
        }
        if (record.state() == ArticleState.PUBLISHED) {
            item.put(LISTING, s(ON_SITE));
            item.put(LISTING_ORDER, s(record.date() + "#" + record.slug()));
        }
        try {
            if (replacing == null) {
                dynamoDb.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(slug)"));
            } else {
                dynamoDb.putItem(put -> put.tableName(table).item(item)
                        .conditionExpression("#state = :state AND updatedAt = :updated")
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":state", s(replacing.state().name()),
                                ":updated", s(replacing.updatedAt().toString()))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentChangeException("article " + record.slug() + " changed since it was read");
        }
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of("slug", s(UPLOAD_PREFIX + record.uploadKey()),
                "articleSlug", s(record.slug()))));
    }

    @Override
    public Optional<String> slugPublishedFrom(String uploadKey) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(Map.of("slug", s(UPLOAD_PREFIX + uploadKey)))
                .consistentRead(true)).item();
        return item == null || !item.containsKey("articleSlug") ? Optional.empty() : Optional.of(item.get("articleSlug").s());
    }

    /** A strongly consistent read: 1 read unit, and it sees a publish that just finished. */
    @Override
    public Optional<ArticleRecord> find(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(Map.of("slug", s(slug)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(record(item));
    }

    /** The index holds keys only: one Query page per 1 MB (about 10,000 articles), half a read unit per 4 KB. */
    @Override
    public Set<String> publishedSlugs() {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(INDEX)
                .keyConditionExpression("#listing = :site")
                .expressionAttributeNames(Map.of("#listing", LISTING))
                .expressionAttributeValues(Map.of(":site", s(ON_SITE)))
                .build();
        Set<String> slugs = new HashSet<>();
        dynamoDb.queryPaginator(query).items().forEach(item -> slugs.add(item.get("slug").s()));
        return slugs;
    }

    /** Consistent BatchGetItem, 100 a request: about 1 read unit per article. */
    @Override
    public List<ArticleRecord> findAll(Collection<String> slugs) {
        List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(slugs).stream().map(slug -> Map.of("slug", s(slug))).toList();
        return new BatchReader(dynamoDb, table).read(keys).stream().map(DynamoDbArticleStore::record).toList();
    }

    /**
     * SCHEDULED becomes PUBLISHED only from SCHEDULED: a repeat finds it PUBLISHED and writes
     * nothing (a correction made since keeps its "Updated"), an unpublished article stays down.
     */
    @Override
    public boolean release(ArticleRecord record, Instant at) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(Map.of("slug", s(record.slug())))
                    .updateExpression("SET #state = :published, publishedAt = :now, updatedAt = :now, #listing = :site, #order = :order")
                    .conditionExpression("#state = :scheduled")
                    .expressionAttributeNames(Map.of("#state", "state", "#listing", LISTING, "#order", LISTING_ORDER))
                    .expressionAttributeValues(Map.of(":published", s(ArticleState.PUBLISHED.name()),
                            ":scheduled", s(ArticleState.SCHEDULED.name()), ":now", s(at.toString()), ":site", s(ON_SITE),
                            ":order", s(record.date() + "#" + record.slug()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return find(record.slug()).filter(found -> found.state() == ArticleState.PUBLISHED).isPresent();
        }
    }

    private static ArticleRecord record(Map<String, AttributeValue> item) {
        return new ArticleRecord(text(item, "slug"), text(item, "title"), text(item, "summary"),
                ArticleKind.fromText(text(item, "kind")).orElse(ArticleKind.NEWSLETTER), LocalDate.parse(text(item, "date")),
                strings(item, "lists"), ArticleState.valueOf(text(item, "state")), instant(item, "embargo"),
                instant(item, "publishedAt"), instant(item, "updatedAt"), text(item, "uploadKey"), text(item, "webPath"),
                text(item, "emailLocation"), strings(item, "warnings"), text(item, "contentHash"),
                text(item, "uploadHash"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = text(item, name);
        return value == null ? null : Instant.parse(value);
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    /** A list, not a string set: sets cannot be empty and lose the office's order. */
    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }
}
