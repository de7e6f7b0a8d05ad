package despatch.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleKind;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.testing.TestOffice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteServiceTest {
    private final InMemorySite site = new InMemorySite();
    private final List<List<String>> invalidated = new java.util.ArrayList<>();
    private final SiteService service = new SiteService(site, site, site, new SiteBuilder(TestOffice.office()), invalidated::add);

    @Test
    void eachUpdateInvalidatesExactlyThePathsItChangedInOneRequestAndARebuildEverything() {
        for (int day = 1; day <= 20; day++) {
            site.save(Records.published("old-" + day, "Old " + day, ArticleKind.NEWSLETTER, LocalDate.of(2025, 1, day)));
        }
        service.rebuild();
        assertEquals(List.of(List.of("/*")), invalidated, "a rebuild may change any file");

        site.save(Records.published("new-one", "New one", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 2)));
        SiteUpdate update = service.refresh(List.of("new-one"));

        List<String> paths = invalidated.getLast();
        assertEquals(2, invalidated.size(), "one request for the update");
        assertTrue(paths.contains("/articles/new-one/index.html"), "the article's own page, written by publishing: " + paths);
        assertTrue(paths.contains("/index.html"), "the home page lists it: " + paths);
        assertEquals(update.written().size() + update.deleted().size() + 1, paths.size(), "nothing else: " + paths);
        assertTrue(paths.stream().allMatch(path -> path.startsWith("/") && !path.contains("*")), paths.toString());

        service.refresh(List.of());
        assertEquals(List.of(), invalidated.getLast(), "nothing changed, nothing to refresh (the cache sends no request for none)");

        service.refresh(List.of("new-one"), true);
        assertEquals(List.of("/*"), invalidated.getLast(), "a retried update cannot see what it wrote before: everything");
    }

    @Test
    void anArticleTheIndexHasNotCaughtUpWithStillAppears() {
        site.save(Records.published("first", "First article", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 1)));
        site.save(Records.published("second", "Second article", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 2)));
        site.lagging.add("second");

        service.refresh(List.of("second"));

        assertTrue(site.text("index.html").contains("Second article") && site.text("index.html").contains("First article"));
    }

    @Test
    void anArticleFromAnEarlierUpdateStaysWhileTheIndexLags() {
        site.save(Records.published("first", "First article", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 1)));
        site.put(SiteObject.of("articles/first/index.html", "page", SiteObject.HTML));
        site.lagging.add("first");
        service.refresh(List.of("first"));
        site.save(Records.published("second", "Second article", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 2)));

        service.refresh(List.of("second"));

        assertTrue(site.text("index.html").contains("First article"), "its page in the bucket makes it a candidate");
    }

    @Test
    void anUnpublishedArticleTheIndexStillListsStaysOff() {
        ArticleRecord gone = Records.record("gone", "Taken down", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 1),
                ArticleState.UNPUBLISHED, Instant.parse("2026-11-01T09:00:00Z"), Instant.parse("2026-11-02T09:00:00Z"));
        site.save(gone);
        site.save(Records.published("other", "Other", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 3)));

        service.refresh(List.of("other"));

        assertFalse(site.text("index.html").contains("Taken down"));
    }

    @Test
    void embargoedArticlesAppearNowhere() {
        site.save(Records.published("out", "Out now", ArticleKind.PRESS_RELEASE, LocalDate.of(2026, 11, 1)));
        site.save(Records.record("secret", "Secret plans", ArticleKind.PRESS_RELEASE, LocalDate.of(2026, 12, 1),
                ArticleState.SCHEDULED, null, Instant.parse("2026-11-20T10:00:00Z")));

        service.refresh(List.of("secret", "out"));

        site.bucket.forEach((key, file) -> assertFalse(file.text().contains("Secret plans") || file.text().contains("secret"), key));
        assertFalse(site.bucket.containsKey("archive/2026/index.html") && site.text("archive/2026/index.html").contains("December"));
        assertTrue(site.text("feeds/all.xml").contains("Out now"));
    }

    @Test
    void unpublishingRemovesTheArticleAndFilesNoLongerNeeded() {
        site.save(Records.published("old", "Only one in 2024", ArticleKind.NEWSLETTER, LocalDate.of(2024, 3, 1)));
        site.save(Records.published("new", "In 2026", ArticleKind.NEWSLETTER, LocalDate.of(2026, 3, 1)));
        service.refresh(List.of());
        assertTrue(site.bucket.containsKey("archive/2024/index.html"));
        ArticleRecord old = site.records.get("old");
        site.save(Records.record("old", old.title(), old.kind(), old.date(), ArticleState.UNPUBLISHED, old.publishedAt(),
                Instant.parse("2026-11-20T10:00:00Z")));

        SiteUpdate update = service.refresh(List.of("old"));

        assertEquals(List.of("archive/2024/index.html"), update.deleted());
        site.bucket.forEach((key, file) -> assertFalse(file.text().contains("Only one in 2024"), key));
        assertTrue(invalidated.getLast().contains("/articles/old/images/*"), "its photographs leave the edge too: " + invalidated.getLast());
        assertFalse(invalidated.getFirst().stream().anyMatch(path -> path.contains("images")), "nothing of the kind for a publish");
    }

    @Test
    void primingRendersWithoutWritingAnything() {
        assertEquals(14, service.prime(), "every derived file of an empty site, and the office's card");
        assertTrue(site.bucket.isEmpty());
    }

    @Test
    void aSecondRefreshWithNothingNewWritesNothing() {
        site.save(Records.published("a", "A", ArticleKind.NEWSLETTER, LocalDate.of(2026, 3, 1)));
        service.refresh(List.of("a"));
        int writes = site.puts;

        SiteUpdate update = service.refresh(List.of("a"));

        assertEquals(writes, site.puts);
        assertTrue(update.written().isEmpty() && update.deleted().isEmpty(), update.toString());
    }

    @Test
    void rebuildFromRecordsReproducesTheSameSite() {
        for (ArticleRecord record : Records.pressReleases(25)) {
            site.save(record);
            site.renderedPages.put(record.slug(), "<!DOCTYPE html><title>" + record.title() + "</title>");
            site.put(SiteObject.of("articles/" + record.slug() + "/index.html", site.renderedPages.get(record.slug()), SiteObject.HTML));
            service.refresh(List.of(record.slug()));
        }
        site.put(SiteObject.of("articles/gone/index.html", "an unpublished article's page left behind", SiteObject.HTML));
        site.put(SiteObject.of("media/logo.png", "not ours", "image/png"));
        site.renderedPages.remove("release-3");
        site.put(SiteObject.of("articles/release-3/index.html", "the live page, whose stored rendering went missing", SiteObject.HTML));
        Map<String, SiteObject> built = new HashMap<>(site.bucket);
        built.remove("articles/gone/index.html");
        site.bucket.keySet().removeIf(key -> !key.startsWith("media/") && !key.equals("articles/gone/index.html")
                && !key.equals("articles/release-3/index.html"));

        service.rebuild();

        assertEquals(built.keySet(), site.bucket.keySet(), "every file back, the stray page gone, other files and a page "
                + "without its stored rendering untouched");
        built.forEach((key, file) -> assertArrayEquals(file.body(), site.bucket.get(key).body(), key));
    }
}
