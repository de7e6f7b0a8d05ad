package despatch.console.web;

import despatch.console.ApprovalDesk;
import despatch.console.ApproverDirectory;
import despatch.console.AuditTrail;
import despatch.console.DraftStore;
import despatch.console.EndedSessions;
import despatch.console.ImportUploads;
import despatch.console.ListCensus;
import despatch.console.ListCounts;
import despatch.console.ListSizes;
import despatch.console.PendingSignIns;
import despatch.console.StaffSession;
import despatch.console.StaffSessions;
import despatch.console.SiteRebuild;
import despatch.console.StaffSignIn;
import despatch.console.SuppressionList;
import despatch.console.UploadForms;
import despatch.feedback.FeedbackTally;
import despatch.office.Office;
import despatch.publish.PreviewService;
import despatch.publish.UploadLog;
import despatch.sending.DeliveryLedger;
import despatch.sending.StaffCampaignActions;
import despatch.sending.TestSend;
import despatch.subscription.SubscriberStore;
import despatch.subscription.web.WebRequest;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The staff console under /console: signing in and out ({@link ConsoleSignInRoutes}), then, for
 * someone signed in, the dashboard, upload and preview, campaigns and the audit trail. Before any signed-in page is asked,
 * the session must be valid and every POST must carry the session's CSRF token; a refusal changes
 * nothing. A request that renews the session gets its new cookie whatever page it asked for.
 */
public final class Console {
    private final ConsoleSignInRoutes signInRoutes;
    private final StaffSessions sessions;
    private final ConsolePages pages;
    private final ConsoleReplies replies;
    private final List<SignedInRoutes> sections;

    /** What the console's sections work with: the audit trail, campaigns, their delivery records, drafts, previews and approvals. */
    public record Services(AuditTrail audit, StaffCampaignActions campaigns, DeliveryLedger ledger, DraftStore drafts,
            PreviewService previews, ApprovalDesk approvals, TestSend testSend, ListSizes listSizes, SubscriberStore subscribers,
            ApproverDirectory approvers, ImportUploads imports, UploadLog uploads, FeedbackTally feedback, EndedSessions endedSessions,
            UploadForms uploadForms, ListCensus listCensus, SuppressionList suppressions, SiteRebuild siteRebuild) {
    }

    /** @param sessionKey the console's secret: seals session and sign-in cookies */
    public Console(StaffSignIn signIn, byte[] sessionKey, Clock clock, Office office, Services services) {
        AuditTrail audit = services.audit();
        this.sessions = new StaffSessions(sessionKey, clock);
        this.pages = new ConsolePages(office);
        this.replies = new ConsoleReplies(() -> signIn.signOutUrl(URI.create("https://console.invalid" + ConsoleSignInRoutes.SIGNED_OUT)));
        this.signInRoutes = new ConsoleSignInRoutes(signIn, new PendingSignIns(sessionKey, clock), sessions, audit, services.approvers(),
                services.endedSessions(), clock, pages, replies);
        ConsoleFormat format = new ConsoleFormat(office);
        TestSends testSends = new TestSends(services.testSend(), audit, clock, pages, replies);
        Recipients recipients = new Recipients(services.listSizes(), format);
        ListRows lists = new ListRows(new ListCounts(services.listCensus(), services.listSizes(), List.copyOf(office.lists().keySet()),
                office.zone(), clock), format);
        ApprovalRoutes approvals = new ApprovalRoutes(services.approvals(), services.previews(), testSends, recipients, audit, clock, pages,
                replies, format);
        this.sections = List.of(
                new DashboardRoutes(services.campaigns(), services.uploads(), services.feedback(), approvals, lists, clock, pages, replies, format),
                approvals,
                new UploadRoutes(services.uploadForms(), services.drafts(), audit, clock, pages, replies),
                new DraftRoutes(services.drafts(), services.previews(), testSends, recipients, audit, clock, pages, replies),
                new CampaignRoutes(services.campaigns(), services.ledger(), audit, clock, pages, replies, format),
                new SubscriberRoutes(services.subscribers(), services.imports(), lists, audit, clock, pages, replies, format),
                new SuppressionRoutes(services.suppressions(), services.subscribers(), audit, clock, pages, replies, format),
                new SiteRoutes(services.siteRebuild(), audit, clock, pages, replies),
                new AuditRoutes(audit, pages, replies, format));
    }

    public ConsoleResponse handle(WebRequest request) {
        Optional<ConsoleResponse> signingInOrOut = signInRoutes.handle(request);
        if (signingInOrOut.isPresent()) {
            return signingInOrOut.get();
        }
        Optional<StaffSession> session = signInRoutes.session(request);
        if (session.isEmpty()) {
            return request.method().equals("GET") ? replies.redirect(ConsoleSignInRoutes.SIGN_IN, List.of())
                    : replies.page(403, pages.message("Sign in again", List.of("Your session has ended, so this was not done. Nothing was"
                    + " changed. Sign in, then try again."), "Sign in", ConsoleSignInRoutes.SIGN_IN), List.of());
        }
        StaffRequest staff = new StaffRequest(request, session.get());
        ConsoleResponse response = answer(staff);
        return withRenewal(response, session.get());
    }

    /**
     * Before a SnapStart snapshot: the dashboard's template (the layout, its tables) parsed and
     * rendered once with nothing in it, so the first signed-in view after a restore does not pay
     * for it. Nothing is read or written.
     */
    public void primePages() {
        pages.dashboard(new ConsoleFrame("", "", true, true, "dashboard"), new ConsoleViews.DashboardView("", List.of(), List.of(), "",
                List.of(), "", List.of(), List.of(), List.of(), ""));
    }

    /** What a request that failed unexpectedly gets: nothing about why, which is in the function's log. */
    public ConsoleResponse failure() {
        return replies.page(500, pages.message("Something went wrong", List.of("The console could not finish this request. Try again in a"
                + " minute; if it happens again, tell the office's administrator."), "Go to the console", DashboardRoutes.PATH), List.of());
    }

    private ConsoleResponse answer(StaffRequest staff) {
        // The API's routes take any method: only GET reads and only POST (with its token) changes anything.
        if (!staff.isGet() && !staff.isPost()) {
            return replies.methodNotAllowed("GET, POST");
        }
        if (staff.isPost() && !staff.carriesCsrfToken()) {
            return replies.forbidden(pages.refusal(staff.frame(""), "Not done", "This request did not come from a"
                    + " console page of yours, so nothing was changed. If you pressed a button on a page left open a long time, go back,"
                    + " reload the page and press it again."));
        }
        for (SignedInRoutes section : sections) {
            Optional<ConsoleResponse> answer = section.handle(staff);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return replies.signedInPage(404, pages.signedInMessage(staff.frame(""), "Page not found", List.of("There is no console page at"
                + " this address."), "Go to the dashboard", DashboardRoutes.PATH), List.of());
    }

    private ConsoleResponse withRenewal(ConsoleResponse response, StaffSession session) {
        Optional<String> renewed = sessions.renewal(session);
        if (renewed.isEmpty()) {
            return response;
        }
        List<String> cookies = new ArrayList<>(response.cookies());
        cookies.add(ConsoleCookies.session(renewed.get()));
        return new ConsoleResponse(response.status(), response.headers(), cookies, response.body());
    }
}
