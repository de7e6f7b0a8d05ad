package despatch.console.web;

import despatch.office.Office;
import despatch.render.MessageView;
import despatch.render.OfficeView;
import despatch.render.TemplateEngines;
import java.util.List;
import org.thymeleaf.TemplateEngine;

/** The console's pages, on the subscriber pages' layout. */
final class ConsolePages {
    static final String TITLE = "Despatch console";

    private final TemplateEngine engine = TemplateEngines.create();
    private final OfficeView office;

    ConsolePages(Office office) {
        this.office = OfficeView.of(office);
    }

    String home(ConsoleHomeView staff) {
        return page("console/home.html", TITLE, "staff", staff);
    }

    /** A short page that says what happened and offers one way on. */
    String message(String title, List<String> paragraphs, String linkLabel, String linkUrl) {
        return page("web/message.html", title, "message", new MessageView(title, paragraphs, linkLabel, linkUrl));
    }

    private String page(String template, String title, String name, Object view) {
        return TemplateEngines.page(engine, office, template, title, name, view);
    }
}
