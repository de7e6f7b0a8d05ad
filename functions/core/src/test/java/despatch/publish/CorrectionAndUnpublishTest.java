package despatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleParser;
import despatch.render.ArticleRenderer;
import despatch.subscription.MutableClock;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionAndUnpublishTest {
    private static final String KEY = "articles/bus.md";
    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemoryUploadStore uploads = new InMemoryUploadStore();
    private final InMemoryPublishTargets targets = new InMemoryPublishTargets();
    private final PublishService service = new PublishService(new ArticleParser(TestOffice.office(), clock),
            new ArticleRenderer(TestOffice.office(), clock), uploads, targets.targets(), clock);

    private PublishOutcome upload(String text) {
        uploads.objects.put(KEY, text.getBytes(StandardCharsets.UTF_8));
        return service.publish(KEY);
    }

    @Test
    void correctionUpdatesThePageAndSaysSoButKeepsTheFirstPublicationTime() {
        upload("---\ntitle: Bus route saved\nlists: [newsletter]\n---\nThe route stays.\n");
        clock.advance(Duration.ofHours(3));

        PublishOutcome.Published corrected = assertInstanceOf(PublishOutcome.Published.class,
                upload("---\ntitle: Bus route saved\nsummary: Route 42 stays\nlists: [newsletter]\n---\nThe route stays, and runs on Sundays.\n"));

        assertTrue(corrected.corrected());
        ArticleRecord record = targets.records.get(corrected.slug());
        assertEquals(TestOffice.NOW, record.publishedAt(), "first publication time kept");
        assertEquals(TestOffice.NOW.plus(Duration.ofHours(3)), record.updatedAt());
        assertEquals("Route 42 stays", record.summary());
        String page = targets.pages.get("articles/" + corrected.slug() + "/index.html");
        assertTrue(page.contains("runs on Sundays"), "the page shows the correction");
        assertTrue(page.contains("Updated <time datetime=\"2026-11-20T13:00:00Z\">20 November 2026</time>"), page);
        assertTrue(page.contains("\"dateModified\":\"2026-11-20T13:00:00Z\""), "search engines are told too");
        assertEquals(List.of(corrected.slug(), corrected.slug()), targets.siteChanges, "listings and feeds follow each time");
    }

    @Test
    void aFileUploadedAgainWithATitleThatMovesItIsRefusedWithBothWaysOut() {
        upload("---\ntitle: Bus route saevd\n---\nThe route stays.\n");

        PublishOutcome.Rejected refused = assertInstanceOf(PublishOutcome.Rejected.class,
                upload("---\ntitle: Bus route saved\n---\nThe route stays.\n"));

        String message = refused.problems().getFirst().message();
        assertTrue(message.contains("add `slug: bus-route-saevd`") && message.contains("new file name"), message);
        assertEquals(1, targets.records.size(), "neither a duplicate nor a replaced article");
        assertEquals("Bus route saevd", targets.records.get("bus-route-saevd").title());
    }

    @Test
    void theSlugItWasGivenLetsACorrectedTitleKeepItsAddress() {
        upload("---\ntitle: Bus route saevd\n---\nThe route stays.\n");
        clock.advance(Duration.ofMinutes(10));

        PublishOutcome.Published corrected = assertInstanceOf(PublishOutcome.Published.class,
                upload("---\ntitle: Bus route saved\nslug: bus-route-saevd\n---\nThe route stays.\n"));

        assertTrue(corrected.corrected());
        assertEquals("Bus route saved", targets.records.get("bus-route-saevd").title());
        assertEquals(1, targets.records.size());
    }

    @Test
    void theSameTextUploadedAgainIsNotACorrection() {
        upload("---\ntitle: Bus route saved\n---\nThe route stays.\n");
        clock.advance(Duration.ofHours(1));

        PublishOutcome.Published again = assertInstanceOf(PublishOutcome.Published.class,
                upload("---\ntitle: Bus route saved\n---\nThe route stays.\n"));

        assertFalse(again.corrected());
        assertFalse(targets.pages.get("articles/bus-route-saved/index.html").contains("Updated"));
        assertEquals(TestOffice.NOW, targets.records.get("bus-route-saved").updatedAt());
    }

    @Test
    void anUnpublishedArticleCannotComeBackUnderAnEmbargoItsCancelledCampaignWouldMiss() {
        upload("---\ntitle: Bus\nslug: bus\n---\nText.\n");
        upload("---\ntitle: Bus\nslug: bus\nunpublish: yes\n---\nText.\n");

        PublishOutcome.Rejected refused = assertInstanceOf(PublishOutcome.Rejected.class,
                upload("---\ntitle: Bus\nslug: bus\nembargo: 2026-12-01T00:01:00Z\n---\nText.\n"));

        assertTrue(refused.problems().getFirst().message().contains("without `embargo:`"));
        assertEquals(ArticleState.UNPUBLISHED, targets.records.get("bus").state());
    }

    @Test
    void aCorrectionThatMeetsItsEmbargosReleaseIsDecidedAgainAndListed() {
        upload("---\ntitle: School approved\nslug: school\nembargo: 2026-11-20T10:05:00Z\n---\nThe county approved it.\n");
        clock.advance(Duration.ofMinutes(5));
        // The embargo fires between the correction's read and its write.
        targets.beforeNextSave = () -> targets.records.put("school", targets.records.get("school")
                .moved(ArticleState.PUBLISHED, clock.instant(), "articles/bus.md", List.of()));

        PublishOutcome outcome = upload("---\ntitle: School approved\nslug: school\nembargo: 2026-11-20T10:05:00Z\n---\n"
                + "The county approved it on Monday.\n");

        assertInstanceOf(PublishOutcome.Published.class, outcome, "not SCHEDULED over the release: the page would be live but unlisted");
        assertEquals(ArticleState.PUBLISHED, targets.records.get("school").state());
        assertTrue(targets.pages.get("articles/school/index.html").contains("on Monday"));
    }

    @Test
    void firstPublicationSaysNothingAboutUpdates() {
        PublishOutcome.Published published = assertInstanceOf(PublishOutcome.Published.class,
                upload("---\ntitle: Bus route saved\n---\nThe route stays.\n"));

        assertFalse(published.corrected());
        assertFalse(targets.pages.get("articles/bus-route-saved/index.html").contains("Updated"));
    }

    @Test
    void unpublishTakesThePageDownStopsTheCampaignAndKeepsTheRecord() {
        upload("---\ntitle: Bus route saved\nslug: bus\n---\nThe route stays.\n");
        clock.advance(Duration.ofMinutes(5));

        PublishOutcome outcome = upload("---\ntitle: Bus route saved\nslug: bus\nunpublish: yes\n---\nThe route stays.\n");

        assertTrue(assertInstanceOf(PublishOutcome.Unpublished.class, outcome).warnings().isEmpty(),
                "no publishing advice (\"no lists are named\") when taking it down");
        assertFalse(targets.pages.containsKey("articles/bus/index.html"), "page removed");
        assertEquals(ArticleState.UNPUBLISHED, targets.records.get("bus").state());
        assertEquals(List.of("bus"), targets.withdrawn, "campaign stopped");
        assertEquals(List.of("bus", "bus"), targets.siteChanges);
        assertTrue(targets.publishedSlugs().isEmpty(), "off the listings");
    }

    @Test
    void republishingAfterUnpublishShowsItAsUpdated() {
        upload("---\ntitle: Bus\nslug: bus\n---\nText.\n");
        upload("---\ntitle: Bus\nslug: bus\nunpublish: true\n---\nText.\n");
        clock.advance(Duration.ofDays(1));

        PublishOutcome.Published back = assertInstanceOf(PublishOutcome.Published.class, upload("---\ntitle: Bus\nslug: bus\n---\nText.\n"));

        assertTrue(back.corrected());
        assertEquals(TestOffice.NOW, targets.records.get("bus").publishedAt());
    }

    @Test
    void unpublishOfAnArticleNeverPublishedChangesNothingAndSaysSo() {
        PublishOutcome.Unpublished outcome = assertInstanceOf(PublishOutcome.Unpublished.class,
                upload("---\ntitle: Never\nunpublish: yes\n---\nText.\n"));

        assertTrue(outcome.warnings().stream().anyMatch(w -> w.contains("nothing changed")), outcome.warnings().toString());
        assertTrue(targets.nothingWritten());
    }

    @Test
    void unpublishFlagMustBeYesOrNo() {
        PublishOutcome.Rejected rejected = assertInstanceOf(PublishOutcome.Rejected.class,
                upload("---\ntitle: Bus\nunpublish: perhaps\n---\nText.\n"));

        assertEquals("front matter: unpublish", rejected.problems().getFirst().where());
        assertTrue(rejected.problems().getFirst().message().contains("yes or no"));
    }

    @Test
    void aCorrectionCannotEmbargoAPublishedArticleAgain() {
        upload("---\ntitle: Bus\nslug: bus\n---\nText.\n");

        PublishOutcome.Published again = assertInstanceOf(PublishOutcome.Published.class,
                upload("---\ntitle: Bus\nslug: bus\nembargo: 2026-12-01T00:01:00Z\n---\nText.\n"));

        assertTrue(again.warnings().stream().anyMatch(w -> w.contains("already on the site")), again.warnings().toString());
        assertEquals(ArticleState.PUBLISHED, targets.records.get("bus").state());
    }
}
