package despatch.console.web;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import despatch.console.SiteRebuild;
import despatch.console.StaffRole;
import despatch.console.web.ConsoleViews.ConfirmView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilding the public site, for admins: the same request as {"rebuild": true} on the site
 * queue, asked once before it is sent, and in the audit trail.
 */
final class SiteRoutes implements SignedInRoutes {
    static final String PATH = "/console/site";
    private static final String REBUILD = PATH + "/rebuild";

    private final SiteRebuild rebuild;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConsolePages pages;
    private final ConsoleReplies replies;

    SiteRoutes(SiteRebuild rebuild, AuditTrail audit, Clock clock, ConsolePages pages, ConsoleReplies replies) {
        this.rebuild = rebuild;
        this.audit = audit;
        this.clock = clock;
        this.pages = pages;
        this.replies = replies;
    }

    @Override
    public Optional<ConsoleResponse> handle(StaffRequest request) {
        if (!request.path().equals(PATH) && !request.path().equals(REBUILD)) {
            return Optional.empty();
        }
        if (!request.may(StaffRole.ADMIN)) {
            return Optional.of(replies.forbidden(pages.refusal(request.frame("site"), "Only an admin can rebuild the site",
                    "Nothing was changed.")));
        }
        if (request.path().equals(PATH)) {
            return Optional.of(request.isGet() ? page(request) : replies.methodNotAllowed("GET"));
        }
        if (!request.isPost()) {
            return Optional.of(replies.methodNotAllowed("POST"));
        }
        rebuild.request();
        audit.record(AuditEntry.by(request.session().who(), clock.instant(), AuditAction.REBUILD, "site"));
        return Optional.of(replies.redirect(PATH + "?done=rebuild", List.of()));
    }

    private ConsoleResponse page(StaffRequest request) {
        if ("rebuild".equals(request.queryValue("done"))) {
            return replies.signedInPage(200, pages.signedInMessage(request.frame("site"), "The site is being rebuilt", List.of(
                    "Every page, listing, feed and the sitemap are being written again from the article records; on a large site this"
                            + " takes a few minutes. Nothing is emailed."), "Go to the dashboard", DashboardRoutes.PATH), List.of());
        }
        ConfirmView view = new ConfirmView("Rebuild the whole site?", List.of("Every article page, listing, feed and the sitemap are written"
                + " again from the article records: after a change of the site's design or of the office's settings, or to repair"
                + " pages changed by hand.", "Publishing goes on meanwhile; no email is sent."), "On a large site this takes a few"
                + " minutes, and every page's cached copy is replaced.", REBUILD, "Yes, rebuild the site", DashboardRoutes.PATH);
        return replies.signedInPage(200, pages.confirm(request.frame("site"), view), List.of());
    }
}
