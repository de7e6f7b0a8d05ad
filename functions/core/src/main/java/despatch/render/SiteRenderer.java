package despatch.render;

import despatch.office.Office;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;

/**
 * Renders the site's own pages and files: home, listings, the archive's index, the 404 page,
 * feeds and the sitemap. Articles' pages come from {@link ArticleRenderer}. Output depends only
 * on the arguments, never on the clock, so the same records always give the same bytes.
 */
public final class SiteRenderer {
    private final TemplateEngine engine = TemplateEngines.create();
    private final OfficeView office;
    private final SiteChrome chrome;

    public SiteRenderer(Office office) {
        this.office = OfficeView.of(office);
        this.chrome = SiteChrome.of(office);
    }

    public String listing(ListingView listing) {
        return render("site/listing.html", Map.of("listing", listing));
    }

    public String home(ListingView latest) {
        return render("site/home.html", Map.of("listing", latest));
    }

    public String archive(List<ArchiveYear> years, String canonicalUrl) {
        return render("site/archive.html", Map.of("years", years, "canonicalUrl", canonicalUrl));
    }

    public String notFound() {
        return render("site/not-found.html", Map.of());
    }

    public String rss(FeedView feed) {
        return render("feed/rss.xml", Map.of("feed", feed));
    }

    public String atom(FeedView feed) {
        return render("feed/atom.xml", Map.of("feed", feed));
    }

    public String sitemap(List<SitemapEntry> entries) {
        return render("feed/sitemap.xml", Map.of("entries", entries));
    }

    private String render(String template, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("office", office);
        all.put("chrome", chrome);
        return engine.process(template, TemplateEngines.context(all, office));
    }
}
