package despatch.render;

import despatch.office.Office;
import java.util.Map;
import org.thymeleaf.TemplateEngine;

/**
 * Renders the subscription pages and transactional emails. Like {@link ArticleRenderer}, build
 * one per container: the engine caches parsed templates and is thread-safe.
 */
public final class SubscriptionRenderer {
    private final TemplateEngine engine;
    private final OfficeView office;

    public SubscriptionRenderer(Office office) {
        this.engine = TemplateEngines.create();
        this.office = OfficeView.of(office);
    }

    public String subscribePage(String title, SubscribeFormView form) {
        return page("web/subscribe.html", title, "form", form);
    }

    public String preferencesPage(String title, PreferencesView prefs) {
        return page("web/preferences.html", title, "prefs", prefs);
    }

    public String myDataPage(String title, MyDataFormView form) {
        return page("web/my-data.html", title, "form", form);
    }

    public String actionPage(ActionView action) {
        return page("web/action.html", action.title(), "action", action);
    }

    public String messagePage(MessageView message) {
        return page("web/message.html", message.title(), "message", message);
    }

    public RenderedEmail linkEmail(LinkEmailView mail) {
        Map<String, Object> variables = Map.of("office", office, "title", mail.subject(), "mail", mail);
        return new RenderedEmail(mail.subject(), engine.process("email/link.html", TemplateEngines.context(variables, office)),
                engine.process("email/link.txt", TemplateEngines.context(variables, office)));
    }

    public RenderedEmail dataExport(String subject, DataExportView export) {
        Map<String, Object> variables = Map.of("office", office, "title", subject, "export", export);
        return new RenderedEmail(subject, engine.process("email/data-export.html", TemplateEngines.context(variables, office)),
                engine.process("email/data-export.txt", TemplateEngines.context(variables, office)));
    }

    private String page(String template, String title, String name, Object view) {
        return TemplateEngines.page(engine, office, template, title, name, view);
    }
}
