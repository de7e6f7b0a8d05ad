package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleKind;
import despatch.lambda.wiring.Setting;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.common.ConcurrentChangeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The article records on the DynamoDB emulator: conditional writes, the sparse index, consistent batch reads. */
class DynamoDbArticleStoreTest {
    private final DynamoDbArticleStore store = new DynamoDbArticleStore(TestStack.get().dynamoDb(),
            TestStack.environment(Setting.Function.SiteFunction).get(Setting.ARTICLES_TABLE.name()));

    private static ArticleRecord record(String slug, ArticleState state, Instant at) {
        return new ArticleRecord(slug, "Title " + slug, "Summary", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 20), List.of(), state,
                null, state == ArticleState.PUBLISHED ? at : null, at, "articles/" + slug + ".md", "articles/" + slug + "/", "s3://x",
                List.of(), "hash");
    }

    @Test
    void aWriteBasedOnAStaleReadIsRefused() {
        Instant first = Instant.parse("2026-11-20T10:00:00Z");
        ArticleRecord scheduled = record("store-race", ArticleState.SCHEDULED, first);
        store.save(scheduled, null);
        assertTrue(store.release(scheduled, first.plusSeconds(60)), "the embargo's release");

        assertThrows(ConcurrentChangeException.class, () -> store.save(record("store-race", ArticleState.SCHEDULED, first.plusSeconds(61)),
                scheduled), "a correction read before the release must decide again");
        assertThrows(ConcurrentChangeException.class, () -> store.save(record("store-race", ArticleState.PUBLISHED, first), null),
                "a second new article at the same address");
        assertEquals(ArticleState.PUBLISHED, store.find("store-race").orElseThrow().state());
    }

    @Test
    void onlyPublishedArticlesAreInTheIndexAndBatchReadsAreWhole() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        store.save(record("store-listed", ArticleState.PUBLISHED, at), null);
        store.save(record("store-waiting", ArticleState.SCHEDULED, at), null);

        assertTrue(store.publishedSlugs().contains("store-listed"));
        assertFalse(store.publishedSlugs().contains("store-waiting"), "embargoed articles are not listed");
        assertEquals(2, store.findAll(List.of("store-listed", "store-waiting", "store-missing")).size());
        assertEquals("store-listed", store.slugPublishedFrom("articles/store-listed.md").orElseThrow());
    }
}
