package despatch.console.web;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.StaffRole;
import despatch.console.web.ConsoleViews.AuditRow;
import despatch.console.web.ConsoleViews.AuditView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The audit trail for admins, newest first, a page at a time. */
final class AuditRoutes implements SignedInRoutes {
    static final String PATH = "/console/audit";
    static final int PAGE = 50;

    private final AuditTrail audit;
    private final ConsolePages pages;
    private final ConsoleReplies replies;
    private final ConsoleFormat format;

    AuditRoutes(AuditTrail audit, ConsolePages pages, ConsoleReplies replies, ConsoleFormat format) {
        this.audit = audit;
        this.pages = pages;
        this.replies = replies;
        this.format = format;
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        if (!request.path().equals(PATH)) {
            return Optional.empty();
        }
        if (!request.isGet()) {
            return Optional.of(replies.methodNotAllowed("GET"));
        }
        if (!request.may(StaffRole.ADMIN)) {
            return Optional.of(replies.forbidden(pages.refusal(request.frame("audit"), "Only an admin can read the audit trail",
                    "Ask the office's administrator if you need to know who did something.")));
        }
        AuditTrail.Page page;
        try {
            page = audit.newestFirst(Optional.ofNullable(request.queryValue("after")), PAGE);
        } catch (IllegalArgumentException e) {
            // A cursor that is not one of ours: start from the newest.
            page = audit.newestFirst(Optional.empty(), PAGE);
        }
        List<AuditRow> rows = page.entries().stream().map(this::row).toList();
        String older = page.next().map(next -> PATH + "?after=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).orElse(null);
        return Optional.of(replies.signedInPage(200, pages.audit(request.frame("audit"), new AuditView(rows, older)), List.of()));
    }

    private AuditRow row(AuditEntry entry) {
        return new AuditRow(format.time(entry.at()), entry.actorName().isBlank() ? entry.actor() : entry.actorName(), what(entry.action()),
                entry.target());
    }

    static String what(AuditAction action) {
        return switch (action) {
            case SIGN_IN -> "signed in";
            case SIGN_OUT -> "signed out";
            case UPLOAD -> "uploaded an article";
            case SUBMIT -> "submitted an article for approval";
            case APPROVE -> "approved an article";
            case TEST_SEND -> "sent a test";
            case START -> "started a campaign";
            case CANCEL -> "cancelled a campaign";
            case RESEND_UNKNOWN -> "sent a campaign's unknown outcomes again";
            case LOOK_UP -> "looked up a subscriber";
            case EXPORT -> "exported a list";
            case IMPORT -> "imported subscribers";
            case READ_SUPPRESSIONS -> "read the suppression list";
            case REBUILD -> "rebuilt the site";
        };
    }
}
