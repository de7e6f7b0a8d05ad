package despatch.console.web;

import despatch.console.LinkIds;
import despatch.console.ApprovalDesk;
import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.StaffRole;
import despatch.console.web.ConsoleViews.ApprovalView;
import despatch.console.web.ConsoleViews.AwaitingRow;
import despatch.console.web.ConsoleViews.ConfirmView;
import despatch.publish.AwaitingApproval;
import despatch.publish.Preview;
import despatch.publish.PreviewService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads that wait for approval: each with what publishing would make of its current content,
 * and Approve and send, asked once. The approval names the hash of the version the approver was
 * shown (it is in the address the button posts to), so a file changed after review is refused.
 */
final class ApprovalRoutes implements SignedInRoutes {
    static final String PATH = "/console/approvals";
    private static final Pattern ONE = Pattern.compile(PATH + "/([A-Za-z0-9_-]{1,400})(?:/(email|web|test-send)|/([0-9a-f]{64})/approve)?");

    private final ApprovalDesk desk;
    private final PreviewService previews;
    private final TestSends testSends;
    private final Recipients recipients;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;
    private final ConsoleFormat format;

    ApprovalRoutes(ApprovalDesk desk, PreviewService previews, TestSends testSends, Recipients recipients, AuditTrail audit, Clock clock,
            ConsolePages pages, ConsoleReplies replies, ConsoleFormat format) {
        this.desk = desk;
        this.previews = previews;
        this.testSends = testSends;
        this.recipients = recipients;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
        this.format = format;
    }

    /** The dashboard's lines: what waits, oldest first. */
    List<AwaitingRow> awaitingRows(int limit) {
        return desk.awaiting(limit).stream().map(upload -> new AwaitingRow(url(upload.uploadKey()), upload.title(),
                "uploaded by " + upload.uploader().describe() + ", " + format.time(upload.since()) + ", to " + lists(upload))).toList();
    }

    /** What the office's setting means, for a dashboard with nothing waiting. */
    String policyInWords() {
        return switch (desk.policy()) {
            case NONE -> "This office publishes uploads without approval (the template's SendApproval is none).";
            case ONE -> "Nothing is waiting. Every upload waits here until an approver approves it.";
            case TWO_PERSON -> "Nothing is waiting. Every upload waits here until an approver other than its uploader approves it.";
        };
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        Matcher one = ONE.matcher(request.path());
        if (!one.matches()) {
            return Optional.empty();
        }
        Optional<String> uploadKey = LinkIds.key(one.group(1)).filter(key -> key.startsWith("articles/"));
        Optional<AwaitingApproval> upload = uploadKey.flatMap(desk::awaitingFor);
        if (upload.isEmpty()) {
            return Optional.of(message(request, 404, "Not waiting for approval", List.of("This upload is not waiting for approval: it"
                    + " may have been approved, taken down, or replaced by a newer version, which has a page of its own. See the dashboard.")));
        }
        if ("test-send".equals(one.group(2))) {
            return Optional.of(request.isPost() ? testSends.send(request, previews.previewUpload(upload.get().uploadKey()),
                    upload.get().uploadKey(), url(upload.get().uploadKey()), "dashboard") : replies.methodNotAllowed("POST"));
        }
        if (one.group(2) != null) {
            return Optional.of(request.isGet() ? replies.framedPreview(previews.previewUpload(upload.get().uploadKey()), one.group(2),
                    "The file has changed since it was checked.") : replies.methodNotAllowed("GET"));
        }
        if (one.group(3) != null) {
            return Optional.of(request.isGet() ? confirm(request, upload.get(), one.group(3))
                    : request.isPost() ? approve(request, upload.get(), one.group(3)) : replies.methodNotAllowed("GET, POST"));
        }
        return Optional.of(request.isGet() ? page(request, upload.get()) : replies.methodNotAllowed("GET"));
    }

    private ConsoleResponse page(StaffRequest request, AwaitingApproval upload) {
        Preview preview = previews.previewUpload(upload.uploadKey());
        boolean current = preview.accepted() && upload.contentHash().equals(preview.contentHash());
        boolean may = desk.mayApprove(request.session().who(), upload);
        String whyNot = !current ? "The file has changed since it was checked; its new version will appear here once checked."
                : !request.may(StaffRole.APPROVER) ? "Only an approver can approve it."
                : !may ? "You wrote or published it, and this office asks for a second person: another approver must approve it." : null;
        ApprovalView view = new ApprovalView(url(upload.uploadKey()), upload.uploadKey(), upload.title(),
                "approved".equals(request.queryValue("done")) ? "Approved. It publishes and sends within seconds; see Campaigns."
                        : TestSends.notice(request),
                format.time(upload.since()), upload.uploader().describe(), current ? recipients.of(preview.article()) : lists(upload),
                current ? recipients.when(preview.article()) : embargo(upload),
                current ? preview.rendered().subject() : "", current ? preview.warnings() : List.of(), current ? preview.rendered().emailText() : "",
                whyNot == null ? url(upload.uploadKey()) + "/" + upload.contentHash() + "/approve" : null, whyNot);
        return replies.previewPage(200, pages.approval(request.frame("dashboard"), view));
    }

    private ConsoleResponse confirm(StaffRequest request, AwaitingApproval upload, String hash) {
        if (!desk.mayApprove(request.session().who(), upload)) {
            return refused(request, ApprovalDesk.Decision.NOT_AN_APPROVER, upload);
        }
        ConfirmView view = new ConfirmView("Approve and send “" + upload.title() + "”?", List.of("It goes on the site and its email goes to "
                + lists(upload) + (upload.embargo() == null ? " now." : " at its embargo, " + format.time(upload.embargo()) + ".")),
                "An email that has gone cannot be recalled.", url(upload.uploadKey()) + "/" + hash + "/approve", "Yes, approve and send",
                url(upload.uploadKey()));
        return replies.signedInPage(200, pages.confirm(request.frame("dashboard"), view), List.of());
    }

    private ConsoleResponse approve(StaffRequest request, AwaitingApproval upload, String hash) {
        ApprovalDesk.Decision decision = desk.approve(request.session().who(), upload.uploadKey(), hash);
        if (decision != ApprovalDesk.Decision.APPROVED) {
            return refused(request, decision, upload);
        }
        return replies.redirect(url(upload.uploadKey()) + "?done=approved", List.of());
    }

    private ConsoleResponse refused(StaffRequest request, ApprovalDesk.Decision decision, AwaitingApproval upload) {
        String why = switch (decision) {
            case NOT_AN_APPROVER -> request.may(StaffRole.APPROVER)
                    ? "You wrote or published it, and this office asks for a second person: another approver must approve it."
                    : "Only an approver can approve an upload.";
            case OWN_UPLOAD -> "You wrote or published it, and this office asks for a second person: another approver must approve it.";
            case CHANGED_SINCE_REVIEW -> "The file has changed since you reviewed it. Review the new version, then approve that.";
            case ALREADY_APPROVED -> "Someone approved this version a moment ago: it is on its way, and has been sent on again in case.";
            case NOT_WAITING -> "It is no longer waiting for approval.";
            case APPROVED -> throw new IllegalArgumentException("not a refusal");
        };
        int status = decision == ApprovalDesk.Decision.NOT_AN_APPROVER || decision == ApprovalDesk.Decision.OWN_UPLOAD ? 403 : 409;
        return message(request, status, "Not approved", List.of(why + " Nothing was changed by this request."));
    }

    private ConsoleResponse message(StaffRequest request, int status, String title, List<String> paragraphs) {
        return replies.signedInPage(status, pages.signedInMessage(request.frame("dashboard"), title, paragraphs, "Go to the dashboard",
                DashboardRoutes.PATH), List.of());
    }

    private String lists(AwaitingApproval upload) {
        List<String> names = format.office().displayNames(upload.lists());
        return names.isEmpty() ? "nobody (the site only)" : String.join(" and ", names);
    }

    private String embargo(AwaitingApproval upload) {
        return upload.embargo() == null ? "none: it publishes and sends once approved"
                : format.time(upload.embargo()) + " (" + format.office().zone().getId() + "); it waits for that after approval";
    }

    static String url(String uploadKey) {
        return PATH + "/" + LinkIds.of(uploadKey);
    }
}
