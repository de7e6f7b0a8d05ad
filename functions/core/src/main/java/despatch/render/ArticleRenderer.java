package despatch.render;

import despatch.article.Article;
import despatch.article.Text;
import despatch.office.Office;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

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
    private final SiteChrome chrome;

    public ArticleRenderer(Office office, Clock clock) {
        this.engine = TemplateEngines.create();
        this.views = new ArticleViews(office);
        this.chrome = SiteChrome.of(office);
        this.clock = clock;
    }

    public RenderedArticle render(Article article) {
        return render(article, null);
    }

    /**
     * @param updatedAt when a correction replaced the published article; the page then says
     *     "Updated" with this date. Null for a first publication.
     */
    public RenderedArticle render(Article article, Instant updatedAt) {
        return render(article, updatedAt, clock.instant());
    }

    /**
     * @param asOf the moment to render it as of: an embargo after it is still ahead ("Embargoed
     *     until …" in the email, "Released at …" on the page). Now, except when a page is made again
     *     as it was first made (a re-render).
     */
    public RenderedArticle render(Article article, Instant updatedAt, Instant asOf) {
        ArticleView articleView = views.article(article, asOf, updatedAt);
        OfficeView officeView = views.office();
        String preheader = Text.shorten(article.summary(), PREHEADER_LIMIT);
        Map<String, Object> email = Map.of("article", articleView, "office", officeView, "email", views.email(article, preheader));
        // The page of an embargoed article is seen only once it is out: it says when it was released.
        ArticleView pageView = articleView.withEmbargoLine(views.pageEmbargoLine(article, asOf));
        Map<String, Object> page = Map.of("article", pageView, "office", officeView, "page", views.page(article, updatedAt),
                "chrome", chrome);
        return new RenderedArticle(
                article.title(),
                preheader,
                engine.process(EMAIL_HTML, context(email, officeView)),
                engine.process(EMAIL_TEXT, context(email, officeView)),
                engine.process(WEB_PAGE, context(page, officeView)));
    }

    private static Context context(Map<String, Object> variables, OfficeView office) {
        return TemplateEngines.context(variables, office);
    }
}
