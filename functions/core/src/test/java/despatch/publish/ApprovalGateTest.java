package despatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleParser;
import despatch.common.Hashes;
import despatch.render.ArticleRenderer;
import despatch.subscription.MutableClock;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With approval asked for, an upload that passes every check waits, with nothing written; the
 * same bytes once approved publish; a file changed after its approval waits again; taking an
 * article down never waits.
 */
class ApprovalGateTest {
    private static final String KEY = "articles/bus.md";
    private static final String ARTICLE = "---\ntitle: Bus route saved\nlists: [newsletter]\n---\nThe route stays.\n";

    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemoryUploadStore uploads = new InMemoryUploadStore();
    private final InMemoryPublishTargets targets = new InMemoryPublishTargets();
    private final InMemoryApprovals approvals = new InMemoryApprovals();
    private final PublishService service = new PublishService(new ArticleParser(TestOffice.office(), clock),
            new ArticleRenderer(TestOffice.office(), clock), uploads, targets.targets(), new ApprovalGate(SendApproval.TWO_PERSON, approvals),
            clock);

    private PublishOutcome upload(String text) {
        uploads.objects.put(KEY, text.getBytes(StandardCharsets.UTF_8));
        return service.publish(KEY);
    }

    @Test
    void anUploadWaitsWithNothingWrittenUntilItsExactBytesAreApproved() {
        PublishOutcome.AwaitingApproval waiting = assertInstanceOf(PublishOutcome.AwaitingApproval.class, upload(ARTICLE));
        assertEquals("bus-route-saved", waiting.slug());
        assertTrue(targets.records.isEmpty() && targets.pages.isEmpty() && targets.campaignRequests.isEmpty(), "nothing written");
        AwaitingApproval request = approvals.awaitingFor(KEY).orElseThrow();
        assertEquals(Hashes.sha256(ARTICLE.getBytes(StandardCharsets.UTF_8)), request.contentHash());
        assertEquals(List.of("newsletter"), request.lists());
        assertEquals(Uploader.UNKNOWN, request.uploader(), "an upload from outside the console names nobody");

        approvals.approve(new Approval(KEY, request.contentHash(), request.since(), "sub-approver", "Morgan Office Manager", TestOffice.NOW));
        assertInstanceOf(PublishOutcome.Published.class, service.publish(KEY));
        assertEquals(1, targets.campaignRequests.size(), "sent once approved");
        assertTrue(approvals.awaitingFor(KEY).isEmpty(), "and no longer waiting");
    }

    @Test
    void aFileChangedAfterItsApprovalWaitsAgain() {
        upload(ARTICLE);
        AwaitingApproval request = approvals.awaitingFor(KEY).orElseThrow();
        approvals.approve(new Approval(KEY, request.contentHash(), request.since(), "sub-approver", "Morgan Office Manager", TestOffice.NOW));

        PublishOutcome changed = upload(ARTICLE.replace("The route stays.", "The route is cut."));
        assertInstanceOf(PublishOutcome.AwaitingApproval.class, changed);
        assertTrue(targets.records.isEmpty(), "not sent on the old approval");
        assertTrue(!approvals.awaitingFor(KEY).orElseThrow().contentHash().equals(request.contentHash()), "the new version waits");
    }

    @Test
    void bytesApprovedOnceAndReplacedCannotComeBackOnThatOldApproval() {
        upload(ARTICLE);
        AwaitingApproval first = approvals.awaitingFor(KEY).orElseThrow();
        approvals.approve(new Approval(KEY, first.contentHash(), first.since(), "sub-approver", "Morgan Office Manager", TestOffice.NOW));
        service.publish(KEY);
        String corrected = ARTICLE.replace("The route stays.", "The route stays, on Sundays too.");
        upload(corrected);
        AwaitingApproval second = approvals.awaitingFor(KEY).orElseThrow();
        approvals.approve(new Approval(KEY, second.contentHash(), second.since(), "sub-approver", "Morgan Office Manager", TestOffice.NOW));
        service.publish(KEY);
        clock.advance(java.time.Duration.ofMinutes(5));

        assertInstanceOf(PublishOutcome.AwaitingApproval.class, upload(ARTICLE), "the first version again waits for a new approval");
        assertTrue(targets.pages.values().stream().anyMatch(page -> page.contains("on Sundays too")), "the correction stays on the site");
        assertInstanceOf(PublishOutcome.AwaitingApproval.class, service.publish(KEY), "and a second event for it changes nothing");
    }

    @Test
    void aRefusedUploadDoesNotWaitAndTakingAnArticleDownNeverDoes() {
        assertInstanceOf(PublishOutcome.Rejected.class, upload(ARTICLE.replace("[newsletter]", "[newsletters]")));
        assertTrue(approvals.awaitingFor(KEY).isEmpty(), "approvers only ever see uploads that would publish");

        upload(ARTICLE);
        AwaitingApproval waiting = approvals.awaitingFor(KEY).orElseThrow();
        approvals.approve(new Approval(KEY, waiting.contentHash(), waiting.since(), "a", "A", TestOffice.NOW));
        service.publish(KEY);
        assertInstanceOf(PublishOutcome.Unpublished.class, upload(ARTICLE.replace("lists: [newsletter]", "unpublish: yes")));
        assertEquals(ArticleState.UNPUBLISHED, targets.records.get("bus-route-saved").state());
    }

    @Test
    void anImageBesideTheArticleReplacedAfterItsApprovalWaitsAgainAndTheApproverSeesTheChange() {
        UploadFingerprints fingerprints = new UploadFingerprints(new ArticleParser(TestOffice.office(), clock), uploads);
        uploads.objects.put("articles/bus.images/bus.jpg", despatch.testing.TestPhotos.phoneJpeg(800, 600));
        upload(ARTICLE.replace("lists: [newsletter]", "lists: [newsletter]\nhero_image: bus.jpg\nhero_image_alt: The 42 at Market Square"));
        AwaitingApproval request = approvals.awaitingFor(KEY).orElseThrow();
        assertEquals(request.contentHash(), fingerprints.of(KEY).orElseThrow(), "what the approver is checked against: unchanged so far");
        approvals.approve(new Approval(KEY, request.contentHash(), request.since(), "sub-approver", "Morgan Office Manager", TestOffice.NOW));

        // The article's own bytes stay; the photograph beside it is swapped after the approver looked.
        uploads.objects.put("articles/bus.images/bus.jpg", despatch.testing.TestPhotos.phoneJpeg(801, 600));

        assertNotEquals(request.contentHash(), fingerprints.of(KEY).orElseThrow(), "an approval of the old photograph no longer matches");
        assertInstanceOf(PublishOutcome.AwaitingApproval.class, service.publish(KEY), "not published on the old approval");
        assertTrue(targets.records.isEmpty() && targets.images.isEmpty(), "nothing written");
    }
}
