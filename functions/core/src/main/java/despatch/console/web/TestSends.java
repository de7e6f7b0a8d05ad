package despatch.console.web;

import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.publish.Preview;
import despatch.sending.TestSend;
import java.time.Clock;
import java.util.List;

/**
 * A test of a previewed upload (a draft, or one waiting for approval) to the signed-in person's
 * own address, its subject marked [TEST]: exactly the email publishing would send, to nobody else.
 */
final class TestSends {
    private final TestSend testSend;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;

    TestSends(TestSend testSend, AuditTrail audit, Clock clock, ConsolePages pages, ConsoleReplies replies) {
        this.testSend = testSend;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
    }

    /**
     * @param uploadKey what the test was of, for the audit trail
     * @param backTo    the preview's page, where the browser goes back to, told it was sent
     */
    ConsoleResponse send(StaffRequest request, Preview preview, String uploadKey, String backTo, String section) {
        if (!preview.accepted()) {
            return replies.signedInPage(409, pages.signedInMessage(request.frame(section), "No test sent", List.of("This upload would be"
                    + " refused, so there is no email to test: its preview lists why."), "Back to the preview", backTo), List.of());
        }
        EmailAddress to;
        try {
            to = EmailAddress.parse(request.session().who().email());
        } catch (InvalidEmailAddressException e) {
            return replies.signedInPage(409, pages.signedInMessage(request.frame(section), "No test sent", List.of("Your account's email"
                    + " address cannot be sent to. Ask the office's administrator to correct it."), "Back to the preview", backTo), List.of());
        }
        testSend.sendTo(to, preview.rendered());
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.TEST_SEND, uploadKey));
        return replies.redirect(backTo + "?done=test-sent", List.of());
    }

    /** What the preview's page says after a test was sent. */
    static String notice(StaffRequest request) {
        return "test-sent".equals(request.queryValue("done"))
                ? "A test, its subject marked [TEST], is on its way to " + request.session().who().email() + "." : null;
    }
}
