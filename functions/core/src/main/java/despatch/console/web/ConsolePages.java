package despatch.console.web;

import despatch.console.UploadForm;
import despatch.console.web.ConsoleViews.ApprovalView;
import despatch.console.web.ConsoleViews.AuditView;
import despatch.console.web.ConsoleViews.CampaignDetailView;
import despatch.console.web.ConsoleViews.ConfirmView;
import despatch.console.web.ConsoleViews.DashboardView;
import despatch.console.web.ConsoleViews.DraftView;
import despatch.console.web.ConsoleViews.ImportView;
import despatch.console.web.ConsoleViews.SubscriberView;
import despatch.console.web.ConsoleViews.SubscribersView;
import despatch.office.Office;
import despatch.render.MessageView;
import despatch.render.OfficeView;
import despatch.render.TemplateEngines;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;

/**
 * The console's pages: signed-in ones on console/layout.html, with the frame (who, what they may
 * see, the sign-out form); the sign-in messages on the subscriber pages' layout.
 */
final class ConsolePages {
    static final String TITLE = "Despatch console";

    private final TemplateEngine engine = TemplateEngines.create();
    private final OfficeView office;

    ConsolePages(Office office) {
        this.office = OfficeView.of(office);
    }

    String dashboard(ConsoleFrame frame, DashboardView dashboard) {
        return signedIn("console/dashboard.html", frame, "dashboard", dashboard);
    }

    String campaigns(ConsoleFrame frame, List<CampaignRow> campaigns) {
        return signedIn("console/campaigns.html", frame, "campaigns", campaigns);
    }

    String campaign(ConsoleFrame frame, CampaignDetailView campaign) {
        return signedIn("console/campaign.html", frame, "campaign", campaign);
    }

    String confirm(ConsoleFrame frame, ConfirmView confirm) {
        return signedIn("console/confirm.html", frame, "confirm", confirm);
    }

    /** @param problem what was wrong with the last upload, or null */
    String upload(ConsoleFrame frame, UploadForm form, String problem) {
        return signedIn("console/upload.html", frame, "upload", new ConsoleViews.UploadView(form, problem == null ? "" : problem));
    }

    String draft(ConsoleFrame frame, DraftView draft) {
        return signedIn("console/draft.html", frame, "draft", draft);
    }

    String approval(ConsoleFrame frame, ApprovalView approval) {
        return signedIn("console/approval.html", frame, "approval", approval);
    }

    String subscribers(ConsoleFrame frame, SubscribersView subscribers) {
        return signedIn("console/subscribers.html", frame, "subscribers", subscribers);
    }

    String subscriber(ConsoleFrame frame, SubscriberView subscriber) {
        return signedIn("console/subscriber.html", frame, "subscriber", subscriber);
    }

    String importReport(ConsoleFrame frame, ImportView view) {
        return signedIn("console/import.html", frame, "importView", view);
    }

    String suppressions(ConsoleFrame frame, ConsoleViews.SuppressionsView suppressions) {
        return signedIn("console/suppressions.html", frame, "suppressions", suppressions);
    }

    String audit(ConsoleFrame frame, AuditView audit) {
        return signedIn("console/audit.html", frame, "audit", audit);
    }

    /** A signed-in page that says what happened, with one way on. */
    /** Why something was refused (what the person may not do, and that nothing changed), with the way back to the dashboard. */
    String refusal(ConsoleFrame frame, String title, String why) {
        return signedInMessage(frame, title, List.of(why), "Go to the dashboard", DashboardRoutes.PATH);
    }

    String signedInMessage(ConsoleFrame frame, String title, List<String> paragraphs, String linkLabel, String linkUrl) {
        return signedIn("console/message.html", frame, "message", new MessageView(title, paragraphs, linkLabel, linkUrl));
    }

    /** A short page for someone not (or no longer) signed in, with one way on. */
    String message(String title, List<String> paragraphs, String linkLabel, String linkUrl) {
        return TemplateEngines.page(engine, office, "web/message.html", title, "message", new MessageView(title, paragraphs, linkLabel,
                linkUrl));
    }

    private String signedIn(String template, ConsoleFrame frame, String name, Object view) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("office", office);
        variables.put("frame", frame);
        variables.put(name, view);
        return engine.process(template, TemplateEngines.context(variables, office));
    }
}
