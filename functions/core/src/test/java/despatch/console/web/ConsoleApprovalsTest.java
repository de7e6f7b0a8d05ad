package despatch.console.web;

import static despatch.console.web.ConsoleFixture.ADMIN;
import static despatch.console.web.ConsoleFixture.APPROVER;
import static despatch.console.web.ConsoleFixture.EDITOR;
import static despatch.console.web.ConsoleFixture.csrfOn;
import static despatch.console.web.ConsoleFixture.get;
import static despatch.console.web.ConsoleFixture.post;
import static despatch.console.web.ConsoleFixture.sessionCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.common.Hashes;
import despatch.console.AuditAction;
import despatch.console.InMemoryAuditTrail;
import despatch.console.InMemoryDrafts;
import despatch.publish.AwaitingApproval;
import despatch.publish.InMemoryApprovals;
import despatch.publish.SendApproval;
import despatch.publish.Uploader;
import despatch.sending.InMemoryCampaignStore;
import despatch.subscription.MutableClock;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Approve and send under two-person approval: who may, that the file reviewed is the file sent,
 * and that two approvers pressing at once send it once. Every refusal changes nothing.
 */
class ConsoleApprovalsTest {
    private static final String KEY = "articles/bus-route.md";
    private static final String ARTICLE = "---\ntitle: New bus route\ndate: 2026-11-20\nlists: [newsletter]\n---\nThe 42 runs every half hour.\n";

    private final MutableClock clock = new MutableClock(TestOffice.NOW);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryDrafts uploads = new InMemoryDrafts();
    private final InMemoryApprovals approvals = new InMemoryApprovals();
    private final Console console = new Console(ConsoleFixture.NO_SIGN_IN, ConsoleFixture.SECRET, clock, TestOffice.office(),
            ConsoleFixture.services(audit, new InMemoryCampaignStore(), uploads, approvals, SendApproval.TWO_PERSON, clock, new ArrayList<>(),
                    new ArrayList<>()));
    private final String approver = sessionCookie(APPROVER, clock);


    /** The upload as publishing leaves it under approval: in the bucket, and waiting. */
    private String waiting(String text, Uploader uploader) {
        uploads.objects.put(KEY, text.getBytes(StandardCharsets.UTF_8));
        String hash = Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
        approvals.await(new AwaitingApproval(KEY, hash, "new-bus-route", "New bus route", List.of("newsletter"), null, uploader, TestOffice.NOW));
        return hash;
    }

    private String page() {
        return ApprovalRoutes.url(KEY);
    }

    @Test
    void theDashboardListsWhatWaitsAndAnApproverApprovesTheVersionTheyReviewed() {
        String hash = waiting(ARTICLE, new Uploader("sub-editor", "Pat Press Officer", "press.officer@example.org.uk"));
        String dashboard = console.handle(get("/console", approver)).body();
        assertTrue(dashboard.contains("New bus route") && dashboard.contains("uploaded by Pat Press Officer"), dashboard);

        ConsoleResponse review = console.handle(get(page(), approver));
        assertEquals(200, review.status());
        assertTrue(review.body().contains("The 42 runs every half hour"), "its plain-text part, as it would be sent: " + review.body());
        String approve = page() + "/" + hash + "/approve";
        assertTrue(review.body().contains("href=\"" + approve + "\""), review.body());

        ConsoleResponse confirm = console.handle(get(approve, approver));
        assertTrue(confirm.body().contains("Approve and send “New bus route”?"), confirm.body());
        ConsoleResponse done = console.handle(post(approve, approver, "csrf=" + csrfOn(confirm)));
        assertEquals(303, done.status(), done.body());
        assertEquals(List.of(KEY + " approved by sub-approver"), uploads.submitted, "sent on its way once");
        assertTrue(approvals.approvalOf(KEY, hash, TestOffice.NOW).isPresent());
        assertEquals(AuditAction.APPROVE, audit.entries().getLast().action());
        assertEquals(KEY + " " + hash, audit.entries().getLast().target(), "the audit names the exact version");
    }

    @Test
    void underTwoPersonApprovalAnApproverCannotApproveTheirOwnUploadNorAnEditorAnything() {
        String hash = waiting(ARTICLE, new Uploader("sub-approver", "Morgan Office Manager", "office.manager@example.org.uk"));
        String approve = page() + "/" + hash + "/approve";
        ConsoleResponse review = console.handle(get(page(), approver));
        assertFalse(review.body().contains("href=\"" + approve + "\""), "no button for one's own upload");
        assertTrue(review.body().contains("another approver must approve it"), review.body());
        ConsoleResponse own = console.handle(post(approve, approver, "csrf=" + csrfOn(review)));
        assertEquals(403, own.status());
        String editor = sessionCookie(EDITOR, clock);
        assertEquals(403, console.handle(post(approve, editor, "csrf=" + csrfOn(console.handle(get(page(), editor))))).status());
        assertTrue(uploads.submitted.isEmpty() && approvals.approvalOf(KEY, hash, TestOffice.NOW).isEmpty() && audit.entries().isEmpty(), "nothing changed");

        String admin = sessionCookie(ADMIN, clock);
        assertEquals(303, console.handle(post(approve, admin, "csrf=" + csrfOn(console.handle(get(page(), admin))))).status(),
                "a second person may");
    }

    @Test
    void underTwoPersonApprovalWhoeverWroteTheDraftCannotApproveItEvenIfAColleaguePublishedIt() {
        String hash = waiting(ARTICLE, new Uploader("sub-editor", "Pat Press Officer", "press.officer@example.org.uk", "sub-approver"));
        ConsoleResponse review = console.handle(get(page(), approver));
        assertTrue(review.body().contains("another approver must approve it"), review.body());
        assertEquals(403, console.handle(post(page() + "/" + hash + "/approve", approver, "csrf=" + csrfOn(review))).status());
        assertTrue(approvals.approvalOf(KEY, hash, TestOffice.NOW).isEmpty() && uploads.submitted.isEmpty());
    }

    @Test
    void aFileChangedAfterReviewIsNotApprovedOnTheOldReview() {
        String reviewed = waiting(ARTICLE, Uploader.UNKNOWN);
        String csrf = csrfOn(console.handle(get(page(), approver)));
        uploads.objects.put(KEY, ARTICLE.replace("every half hour", "once a day").getBytes(StandardCharsets.UTF_8));
        ConsoleResponse refused = console.handle(post(page() + "/" + reviewed + "/approve", approver, "csrf=" + csrf));
        assertEquals(409, refused.status());
        assertTrue(refused.body().contains("The file has changed since you reviewed it"), refused.body());
        assertTrue(uploads.submitted.isEmpty() && approvals.approvalOf(KEY, reviewed, TestOffice.NOW).isEmpty());
    }

    @Test
    void twoApproversPressingAtOnceSendItOnce() throws Exception {
        String hash = waiting(ARTICLE, new Uploader("sub-editor", "Pat Press Officer", "press.officer@example.org.uk"));
        String approve = page() + "/" + hash + "/approve";
        String admin = sessionCookie(ADMIN, clock);
        String approverCsrf = csrfOn(console.handle(get(page(), approver)));
        String adminCsrf = csrfOn(console.handle(get(page(), admin)));
        List<Callable<Integer>> presses = List.of(
                () -> console.handle(post(approve, approver, "csrf=" + approverCsrf)).status(),
                () -> console.handle(post(approve, admin, "csrf=" + adminCsrf)).status());
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            for (Future<Integer> press : both.invokeAll(presses)) {
                statuses.add(press.get());
            }
        }
        statuses.sort(null);
        assertEquals(List.of(303, 409), statuses);
        assertEquals(1, audit.entries().size(), "exactly one approval");
        // Sent on its way by each press: a copy onto itself twice publishes once (the second finds it published, unchanged).
        assertEquals(java.util.Set.of(KEY + " approved by sub-approver", KEY + " approved by sub-admin"), java.util.Set.copyOf(uploads.submitted));
    }

    @Test
    void anAddressThatIsNotAWaitingUploadIsNotFound() {
        assertEquals(404, console.handle(get(ApprovalRoutes.PATH + "/bm90LWFuLWFydGljbGU", approver)).status());
        assertEquals(404, console.handle(get(page(), approver)).status(), "nothing waits");
    }
}
