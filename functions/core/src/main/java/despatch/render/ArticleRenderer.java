package despatch.render;

import despatch.article.Article;
import despatch.article.Text;
import despatch.office.Office;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an article into the email (HTML and text) and the web page. Building the Thymeleaf
 * engine is expensive, so build one renderer per container and reuse it; it is thread-safe.
 */
public final class ArticleRenderer {
    static final String WEB_PAGE = "web/article.html";
    static final String EMAIL_HTML = "email/article.html";
    static final String EMAIL_TEXT = "email/article.txt";
    /** Inbox previews show about this many characters. */
    private static final int PREHEADER_LIMIT = 140;

    private final TemplateEngine engine;
    private final ArticleViews views;
    private final Clock clock;

    public ArticleRenderer(Office office, Clock clock) {
        this.engine = engine();
        this.views = new ArticleViews(office);
        this.clock = clock;
    }

    public RenderedArticle render(Article article) {
        ArticleView articleView = views.article(article, clock.instant());
        OfficeView officeView = views.office();
        String preheader = Text.shorten(article.summary(), PREHEADER_LIMIT);
        Map<String, Object> email = Map.of("article", articleView, "office", officeView, "email", views.email(article, preheader));
        Map<String, Object> page = Map.of("article", articleView, "office", officeView, "page", views.page(article));
        return new RenderedArticle(
                article.title(),
                preheader,
                engine.process(EMAIL_HTML, context(email, officeView)),
                engine.process(EMAIL_TEXT, context(email, officeView)),
                engine.process(WEB_PAGE, context(page, officeView)));
    }

    private static Context context(Map<String, Object> variables, OfficeView office) {
        Context context = new Context(java.util.Locale.forLanguageTag(office.language()));
        context.setVariables(variables);
        return context;
    }

    private static TemplateEngine engine() {
        TemplateEngine engine = new TemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.XML, "*.xml", 2));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 3));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ArticleRenderer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
