package despatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleParser;
import despatch.render.ArticleRenderer;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublishServiceTest {
    private final InMemoryUploadStore uploads = new InMemoryUploadStore();
    private final InMemoryPublishTargets targets = new InMemoryPublishTargets();
    private final PublishService service = new PublishService(
            new ArticleParser(TestOffice.office(), TestOffice.clock()),
            new ArticleRenderer(TestOffice.office(), TestOffice.clock()),
            uploads, targets.targets(), TestOffice.clock());

    private void upload(String key, String text) {
        uploads.objects.put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCorrectionThatChoosesANewSlugMovesTheArticleLeavingARedirectAndSendsNothing() {
        upload("articles/bus.md", "---\ntitle: Bus route saved\nlists: [newsletter]\n---\nThe route stays.\n");
        service.publish("articles/bus.md");
        upload("articles/bus.md", "---\ntitle: Bus route 42 saved\nslug: bus-route-42-saved\nlists: [newsletter]\n---\nThe 42 stays.\n");

        PublishOutcome.Published moved = assertInstanceOf(PublishOutcome.Published.class, service.publish("articles/bus.md"));

        assertEquals("bus-route-42-saved", moved.slug());
        assertTrue(moved.corrected(), "a correction: its page says Updated");
        assertTrue(moved.warnings().stream().anyMatch(w -> w.startsWith("Moved from articles/bus-route-saved/")), moved.warnings().toString());
        assertTrue(targets.pages.get("articles/bus-route-42-saved/index.html").contains("The 42 stays."));
        assertEquals("/articles/bus-route-42-saved/", targets.moved.get("articles/bus-route-saved/index.html"), "the old address redirects");
        assertFalse(targets.pages.containsKey("articles/bus-route-saved/index.html"));
        ArticleRecord old = targets.records.get("bus-route-saved");
        assertEquals(ArticleState.MOVED, old.state());
        assertEquals("articles/bus-route-42-saved/", old.webPath(), "where it went");
        assertEquals(TestOffice.NOW, targets.records.get("bus-route-42-saved").publishedAt(), "first published then, not now");
        assertEquals(1, targets.campaignRequests.size(), "no second campaign: nobody is emailed again");

        // The move back is the same move again: the old address is the article's once more.
        upload("articles/bus.md", "---\ntitle: Bus route saved\nslug: bus-route-saved\nlists: [newsletter]\n---\nThe route stays.\n");
        assertInstanceOf(PublishOutcome.Published.class, service.publish("articles/bus.md"));
        assertEquals(ArticleState.PUBLISHED, targets.records.get("bus-route-saved").state());
        assertEquals(ArticleState.MOVED, targets.records.get("bus-route-42-saved").state());
        assertEquals("/articles/bus-route-saved/", targets.moved.get("articles/bus-route-42-saved/index.html"));
        assertFalse(targets.moved.containsKey("articles/bus-route-saved/index.html"), "its page is back");
        assertEquals(1, targets.campaignRequests.size());
    }

    @Test
    void anEmbargoedArticleCannotMoveBeforeItIsOut() {
        upload("articles/later.md", "---\ntitle: Later\nembargo: 2026-12-01T00:01:00Z\n---\nNot yet.\n");
        service.publish("articles/later.md");
        upload("articles/later.md", "---\ntitle: Later still\nslug: later-still\nembargo: 2026-12-01T00:01:00Z\n---\nNot yet.\n");

        PublishOutcome.Rejected rejected = assertInstanceOf(PublishOutcome.Rejected.class, service.publish("articles/later.md"));

        assertTrue(rejected.problems().getFirst().message().contains("cannot move before it is out"), rejected.problems().toString());
        assertEquals(ArticleState.SCHEDULED, targets.records.get("later").state());
        assertFalse(targets.records.containsKey("later-still"));
    }

    @Test
    void publishesPageEmailAndRecord() {
        upload("articles/bus.md", "---\ntitle: Bus route saved\nlists: [newsletter]\n---\nThe route stays.\n");

        PublishOutcome outcome = service.publish("articles/bus.md");

        PublishOutcome.Published published = assertInstanceOf(PublishOutcome.Published.class, outcome);
        assertEquals("bus-route-saved", published.slug());
        assertTrue(targets.pages.get("articles/bus-route-saved/index.html").contains("The route stays."));
        assertTrue(targets.emails.get("bus-route-saved").emailText().contains("The route stays."));
        ArticleRecord record = targets.records.get("bus-route-saved");
        assertEquals(ArticleState.PUBLISHED, record.state());
        assertEquals(TestOffice.NOW, record.publishedAt());
        assertEquals("articles/bus.md", record.uploadKey());
        assertEquals(java.util.List.of("newsletter"), record.lists());
        assertEquals(java.util.List.of(new InMemoryPublishTargets.CampaignRequest("bus-route-saved", "Bus route saved",
                java.util.Set.of("newsletter"), null)), targets.campaignRequests, "a campaign for the article's lists");
    }

    @Test
    void futureEmbargoSchedulesWithoutAPage() {
        upload("articles/later.md", "---\ntitle: Later\nkind: press-release\nembargo: 2026-12-01T00:01:00Z\n---\nNot yet.\n");

        PublishOutcome outcome = service.publish("articles/later.md");

        assertInstanceOf(PublishOutcome.Scheduled.class, outcome);
        assertTrue(targets.pages.isEmpty(), "no page before the embargo");
        ArticleRecord record = targets.records.get("later");
        assertEquals(ArticleState.SCHEDULED, record.state());
        assertNull(record.publishedAt());
        assertTrue(targets.emails.get("later").emailHtml().contains("Embargoed until 00:01 GMT on Tuesday 1 December 2026"),
                "the email keeps its embargo line, as press releases do");
        String storedPage = targets.emails.get("later").webHtml();
        assertTrue(storedPage.contains("Released at 00:01 GMT on Tuesday 1 December 2026") && !storedPage.contains("Embargoed until"),
                "the page, seen only once it is out, says when it was released: " + storedPage);
        assertEquals(java.time.Instant.parse("2026-12-01T00:01:00Z"), targets.campaignRequests.get(0).embargo(), "sent at the embargo");
    }

    @Test
    void pastEmbargoPublishesAtOnceWithAWarning() {
        upload("articles/earlier.md", "---\ntitle: Earlier\nembargo: 2026-11-01T00:01:00Z\n---\nAlready out.\n");

        PublishOutcome.Published published = assertInstanceOf(PublishOutcome.Published.class, service.publish("articles/earlier.md"));

        assertTrue(published.warnings().stream().anyMatch(w -> w.contains("already passed")), published.warnings().toString());
        assertTrue(targets.pages.containsKey("articles/earlier/index.html"));
    }

    @Test
    void rejectedUploadStaysWithItsReasonAndNothingIsWritten() {
        upload("articles/bad.md", "---\ntitle: Bad\nlists: [nosuchlist]\n---\nText.\n");

        PublishOutcome.Rejected rejected = assertInstanceOf(PublishOutcome.Rejected.class, service.publish("articles/bad.md"));

        assertEquals("front matter: lists", rejected.problems().getFirst().where());
        assertTrue(uploads.objects.containsKey("articles/bad.md"), "the upload is left where it was");
        String report = new String(uploads.objects.get("articles/bad.md.error.json"), StandardCharsets.UTF_8);
        assertTrue(report.contains("no list 'nosuchlist'") && report.contains("\"upload\" : \"articles/bad.md\""), report);
        assertTrue(targets.nothingWritten(), "nothing is published");
    }

    @Test
    void acceptedReuploadRemovesTheOldRejection() {
        upload("articles/fix.md", "---\ndate: yesterday\n---\nText.\n");
        service.publish("articles/fix.md");
        assertTrue(uploads.objects.containsKey("articles/fix.md.error.json"));

        upload("articles/fix.md", "---\ndate: 2026-11-19\n---\nText.\n");
        assertInstanceOf(PublishOutcome.Published.class, service.publish("articles/fix.md"));

        assertFalse(uploads.objects.containsKey("articles/fix.md.error.json"));
    }

    @Test
    void oversizeUploadIsRejectedBeforeParsing() {
        uploads.objects.put("articles/huge.txt", new byte[2 * 1024 * 1024]);
        PublishOutcome.Rejected rejected = assertInstanceOf(PublishOutcome.Rejected.class, service.publish("articles/huge.txt"));
        assertTrue(rejected.problems().getFirst().message().contains("limit"));
    }

    @Test
    void emailThatGmailWouldClipIsPublishedWithAWarning() {
        String row = "|" + " cell |".repeat(20) + "\n";
        upload("articles/table.md", "---\ntitle: Big table\n---\n" + row + "|" + "---|".repeat(20) + "\n" + row.repeat(400));

        PublishOutcome.Published published = assertInstanceOf(PublishOutcome.Published.class, service.publish("articles/table.md"));

        assertTrue(published.warnings().stream().anyMatch(w -> w.contains("Gmail clips")), published.warnings().toString());
        assertTrue(targets.records.get("big-table").warnings().stream().anyMatch(w -> w.contains("Gmail clips")));
    }

    @Test
    void anotherUploadCannotTakeOverAPublishedAddress() {
        upload("articles/first.md", "---\ntitle: Monthly update\n---\nFirst.\n");
        upload("articles/second.md", "---\ntitle: Monthly update\n---\nSecond.\n");
        service.publish("articles/first.md");

        PublishOutcome.Rejected rejected = assertInstanceOf(PublishOutcome.Rejected.class, service.publish("articles/second.md"));

        assertTrue(rejected.problems().getFirst().message().contains("already belongs to the article uploaded as articles/first.md"));
        assertTrue(targets.pages.get("articles/monthly-update/index.html").contains("First."));
        upload("articles/first.md", "---\ntitle: Monthly update\n---\nFirst, corrected.\n");
        assertInstanceOf(PublishOutcome.Published.class, service.publish("articles/first.md"));
        assertTrue(targets.pages.get("articles/monthly-update/index.html").contains("First, corrected."));
    }

    @Test
    void uploadRemovedBeforeTheEventArrivesIsIgnored() {
        assertInstanceOf(PublishOutcome.Ignored.class, service.publish("articles/gone.md"));
        assertTrue(targets.nothingWritten());
    }

    @Test
    void ownReportsAndFolderMarkersAreIgnored() {
        assertInstanceOf(PublishOutcome.Ignored.class, service.publish("articles/bad.md.error.json"));
        assertInstanceOf(PublishOutcome.Ignored.class, service.publish("articles/"));
        assertInstanceOf(PublishOutcome.Ignored.class, service.publish("imports/list.csv"));
        assertTrue(targets.nothingWritten());
    }
}
