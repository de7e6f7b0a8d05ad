package despatch.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleKind;
import despatch.article.ArticleParser;
import despatch.common.Hashes;
import despatch.publish.ArticleRecord;
import despatch.publish.ArticleState;
import despatch.publish.InMemoryUploadStore;
import despatch.render.ArticleRenderer;
import despatch.testing.TestOffice;
import despatch.testing.TestPhotos;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change of design reaching every page: a re-rendering rebuild makes each published article's
 * page again from its upload with the templates as they are now, keeping its address and date;
 * an upload that is no longer the published version is left alone, and said so.
 */
class RerenderRebuildTest {
    /** What a page rendered by an earlier design looks like here: not what today's templates make. */
    private static final String OLD_DESIGN = "<!DOCTYPE html><title>old design</title><p>rendered by last year's templates</p>";

    private final InMemorySite site = new InMemorySite();
    private final InMemoryUploadStore uploads = new InMemoryUploadStore();
    private final SiteService service = new SiteService(site, site, site, new SiteBuilder(TestOffice.office()), SiteCache.NONE,
            new UploadRerenderer(new ArticleParser(TestOffice.office(), TestOffice.clock()),
                    new ArticleRenderer(TestOffice.office(), TestOffice.clock()), uploads, new UploadRerenderer.SiteStores(site, site, site)));

    /** An article published from {@code key} last spring, its page (and stored rendering) in the old design. */
    private void publishedLastSpring(String slug, String title, String key, String text, boolean uploadHashKnown) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        uploads.objects.put(key, bytes);
        Instant at = Instant.parse("2026-03-02T09:30:00Z");
        site.save(new ArticleRecord(slug, title, "The text of " + title + ".", ArticleKind.NEWSLETTER, LocalDate.of(2026, 3, 2),
                List.of("newsletter"), ArticleState.PUBLISHED, null, at, at, key, "articles/" + slug + "/", "memory://" + slug, List.of(),
                "hash", uploadHashKnown ? new despatch.publish.UploadFingerprints(new ArticleParser(TestOffice.office(), TestOffice.clock()),
                        uploads).of(key).orElseThrow() : null));
        site.renderedPages.put(slug, OLD_DESIGN);
        site.putPage("articles/" + slug + "/index.html", OLD_DESIGN);
    }

    @Test
    void everyPublishedPageIsMadeAgainFromItsUploadKeepingItsAddressAndDate() {
        publishedLastSpring("bus-route", "Bus route saved", "articles/bus.md", "# Bus route saved\n\nThe text of Bus route saved.\n", true);
        publishedLastSpring("old-record", "Library open", "articles/library.md", "# Library open\n\nThe text of Library open.\n", false);
        uploads.objects.put("articles/pool.images/pool.jpg", TestPhotos.phoneJpeg(2000, 1500));
        publishedLastSpring("pool", "Pool reopens", "articles/pool.md", "---\nhero_image: pool.jpg\nhero_image_alt: The pool, refilled\n---\n"
                + "# Pool reopens\n\nThe text of Pool reopens.\n", true);

        service.rebuild();
        assertEquals(OLD_DESIGN, site.text("articles/bus-route/index.html"), "a plain rebuild keeps each page as it was rendered");

        SiteUpdate update = service.rebuild(true);

        for (String slug : List.of("bus-route", "old-record", "pool")) {
            String page = site.text("articles/" + slug + "/index.html");
            assertFalse(page.contains("old design"), slug + " is in today's design");
            assertTrue(page.contains("<link rel=\"canonical\" href=\"" + TestOffice.office().articleUrl(slug) + "\""), "at its address");
            assertTrue(page.contains("2 March 2026"), "with the date it was published, not today's: " + slug);
            assertEquals(page, site.renderedPages.get(slug), "kept as its stored rendering, so a plain rebuild keeps the new design");
        }
        assertTrue(site.keysUnder("articles/pool/images/").stream().anyMatch(key -> key.endsWith("-640.jpg")),
                site.keysUnder("articles/pool/").toString());
        assertTrue(site.text("articles/pool/index.html").contains("width=\"640\" height=\"480\""), "the photograph with its size");
        assertEquals(List.of(), update.notRerendered());
        assertTrue(update.written().contains("articles/bus-route/index.html"));

        int puts = site.puts;
        SiteUpdate again = service.rebuild(true);
        assertEquals(List.of(), again.written(), "nothing changed, so nothing is written");
        assertEquals(puts, site.puts, "not even the images");
    }

    @Test
    void anUploadThatIsNoLongerThePublishedVersionIsLeftAloneAndSaidSo() {
        publishedLastSpring("bus-route", "Bus route saved", "articles/bus.md", "# Bus route saved\n\nThe text of Bus route saved.\n", true);
        publishedLastSpring("library", "Library open", "articles/library.md", "# Library open\n\nThe text of Library open.\n", false);
        publishedLastSpring("pool", "Pool open", "articles/pool.md", "# Pool open\n\nThe text of Pool open.\n", false);
        // Later versions, rejected or waiting for approval: never to be published by a rebuild.
        uploads.objects.put("articles/bus.md", "# Bus route saved\n\nAn unapproved draft.\n".getBytes(StandardCharsets.UTF_8));
        uploads.objects.put("articles/library.md", "# Library closed\n\nAn unapproved draft.\n".getBytes(StandardCharsets.UTF_8));
        // Same title and first paragraph, a new last one: a record from before upload fingerprints tells it by its time.
        uploads.objects.put("articles/pool.md", "# Pool open\n\nThe text of Pool open.\n\nAn unapproved paragraph.\n".getBytes(StandardCharsets.UTF_8));
        uploads.modified.put("articles/pool.md", Instant.parse("2026-11-30T12:00:00Z"));

        SiteUpdate update = service.rebuild(true);

        assertEquals(OLD_DESIGN, site.text("articles/bus-route/index.html"));
        assertEquals(OLD_DESIGN, site.text("articles/library/index.html"));
        assertEquals(OLD_DESIGN, site.text("articles/pool/index.html"));
        List<String> kept = update.notRerendered();
        assertEquals(3, kept.size(), kept.toString());
        assertTrue(kept.get(0).startsWith("articles/bus-route/: kept as it was, as articles/bus.md (or an image beside it) has changed"),
                kept.toString());
        assertTrue(kept.get(1).contains("no longer gives the published title and summary"), kept.toString());
        assertTrue(kept.get(2).contains("was written after the article was published"), kept.toString());
    }

    @Test
    void anEmbargoedReleasesPageStillSaysWhenItWasReleased() {
        String release = "---\nkind: press-release\nembargo: 2026-04-01T00:01:00+01:00[Europe/London]\n---\n# Pier reopens\n\nThe pier reopens.\n";
        byte[] bytes = release.getBytes(StandardCharsets.UTF_8);
        uploads.objects.put("articles/pier.md", bytes);
        Instant released = Instant.parse("2026-03-31T23:01:00Z");
        site.save(new ArticleRecord("pier-reopens", "Pier reopens", "The pier reopens.", ArticleKind.PRESS_RELEASE, LocalDate.of(2026, 4, 1),
                List.of(), ArticleState.PUBLISHED, released, released, released, "articles/pier.md", "articles/pier-reopens/", "memory://pier",
                List.of(), "hash", Hashes.sha256(bytes)));

        service.rebuild(true);

        String page = site.text("articles/pier-reopens/index.html");
        assertTrue(page.contains("Released at 00:01 BST on Wednesday 1 April 2026"), "as it said when it went out: " + page);
        assertFalse(page.contains("For immediate release"));
    }

    @Test
    void aReRenderOutOfTimeSaysWhereToCarryOnAndTheLastPartRebuildsTheListings() {
        publishedLastSpring("a-first", "A first", "articles/a.md", "# A first\n\nThe text of A first.\n", true);
        publishedLastSpring("b-second", "B second", "articles/b.md", "# B second\n\nThe text of B second.\n", true);

        SiteUpdate part = service.rerender(null, () -> false);

        assertEquals("a-first", part.continueAfter(), "one article, however little time is left, then where to go on");
        assertEquals(List.of("articles/a-first/index.html"), part.written());
        assertFalse(site.bucket.containsKey("index.html"), "the listings wait for the last part");
        assertEquals(OLD_DESIGN, site.text("articles/b-second/index.html"));

        SiteUpdate last = service.rerender(part.continueAfter(), () -> true);

        assertEquals(null, last.continueAfter());
        assertFalse(site.text("articles/b-second/index.html").contains("old design"));
        assertTrue(site.text("index.html").contains("B second"), "the listings rebuilt");
    }
}
