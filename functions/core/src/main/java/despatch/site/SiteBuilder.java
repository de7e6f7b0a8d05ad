package despatch.site;

import despatch.article.ArticleKind;
import despatch.office.Office;
import despatch.office.SitePaths;
import despatch.publish.ArticleRecord;
import despatch.render.ArchiveYear;
import despatch.render.FeedView;
import despatch.render.ListingView;
import despatch.render.SiteRenderer;
import despatch.render.SitemapEntry;
import despatch.render.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything on the site except the article pages, derived from the published articles' records
 * alone: home, press-release and newsletter listings, the archive by year, the 404 page,
 * robots.txt, the sitemap and the feeds. The same records always give the same bytes (no clock),
 * which is what lets an update write only the files that changed.
 */
public final class SiteBuilder {
    static final int PAGE_SIZE = 20;
    static final int HOME_SIZE = 10;
    static final int FEED_SIZE = 50;
    static final String ALL = "all";

    private final Office office;
    private final SiteRenderer renderer;
    private final SiteArticles articles;
    private final String site;

    public SiteBuilder(Office office) {
        this.office = office;
        this.renderer = new SiteRenderer(office);
        this.articles = new SiteArticles(office);
        this.site = office.siteBaseUrl() + "/";
    }

    /** @param published the records of every article on the site, in any order */
    public Map<String, SiteObject> build(Collection<ArticleRecord> published) {
        List<ArticleRecord> oldestFirst = published.stream().sorted(SiteArticles.OLDEST_FIRST).toList();
        Map<String, SiteObject> files = new LinkedHashMap<>();
        add(files, SiteObject.of(SitePaths.HOME, renderer.home(home(oldestFirst)), SiteObject.HTML));
        add(files, SiteObject.of(SitePaths.NOT_FOUND, renderer.notFound(), SiteObject.HTML));
        add(files, SiteObject.of(SitePaths.ROBOTS, "User-agent: *\nAllow: /\n\nSitemap: " + site + SitePaths.SITEMAP + "\n",
                SiteObject.TEXT));
        add(files, new SiteObject(SitePaths.DEFAULT_CARD, DefaultCard.bytes(), DefaultCard.CONTENT_TYPE));
        for (ArticleKind kind : ArticleKind.values()) {
            List<ArticleRecord> ofKind = oldestFirst.stream().filter(record -> record.kind() == kind).toList();
            String name = feedName(kind);
            listing(files, kind.listing(), plural(kind), intro(kind), ofKind, name);
            feeds(files, name, plural(kind).toLowerCase(office.language()), site + kind.listing(), ofKind);
        }
        feeds(files, ALL, "all articles", site, oldestFirst);
        Map<Integer, List<ArticleRecord>> byYear = byYear(oldestFirst);
        byYear.forEach((year, ofYear) -> listing(files, SitePaths.yearArchive(year), String.valueOf(year),
                "Everything published in " + year + ".", ofYear, null));
        List<ArchiveYear> years = byYear.entrySet().stream()
                .map(entry -> new ArchiveYear(entry.getKey(), site + SitePaths.yearArchive(entry.getKey()), entry.getValue().size()))
                .toList().reversed();
        add(files, SiteObject.of(SitePaths.keyOf(SitePaths.ARCHIVE), renderer.archive(years, site + SitePaths.ARCHIVE),
                SiteObject.HTML));
        add(files, SiteObject.of(SitePaths.SITEMAP, renderer.sitemap(sitemap(oldestFirst, byYear.keySet())), SiteObject.XML));
        return files;
    }

    /** Whether a key in the site bucket is one of the files this builder owns (and may delete when it no longer makes it). */
    public static boolean owns(String key) {
        return key.equals(SitePaths.HOME) || key.equals(SitePaths.NOT_FOUND) || key.equals(SitePaths.ROBOTS) || key.equals(SitePaths.DEFAULT_CARD)
                || key.equals(SitePaths.SITEMAP) || key.startsWith(SitePaths.ARCHIVE) || key.startsWith(SitePaths.PRESS_RELEASES)
                || key.startsWith(SitePaths.NEWSLETTERS) || key.startsWith(SitePaths.FEEDS);
    }

    private ListingView home(List<ArticleRecord> oldestFirst) {
        List<ArticleRecord> latest = oldestFirst.subList(Math.max(0, oldestFirst.size() - HOME_SIZE), oldestFirst.size());
        return new ListingView(office.name(), "Latest news", "News, newsletters and press releases from " + office.name() + ".",
                latest.reversed().stream().map(articles::link).toList(), null, null, null, site,
                site + SitePaths.feed(ALL, true), site + SitePaths.feed(ALL, false));
    }

    private void listing(Map<String, SiteObject> files, String directory, String heading, String intro,
                         List<ArticleRecord> oldestFirst, String feedName) {
        List<List<ArticleRecord>> pages = Pagination.pages(oldestFirst, PAGE_SIZE);
        int count = pages.size();
        for (int number = 1; number <= count; number++) {
            String here = Pagination.directory(directory, number, count);
            String newer = number < count ? site + Pagination.directory(directory, number + 1, count) : null;
            String older = number > 1 ? site + Pagination.directory(directory, number - 1, count) : null;
            List<ArticleRecord> page = pages.get(number - 1);
            // Dates, not "page 2 of 5": a count would change every page each time a page is added.
            String position = number < count ? articles.span(page) : null;
            String title = position == null ? heading : heading + ", " + position;
            ListingView view = new ListingView(title + " – " + office.name(), heading, intro,
                    page.reversed().stream().map(articles::link).toList(), newer, older, position, site + here,
                    feedName == null ? null : site + SitePaths.feed(feedName, true),
                    feedName == null ? null : site + SitePaths.feed(feedName, false));
            add(files, SiteObject.of(SitePaths.keyOf(here), renderer.listing(view), SiteObject.HTML));
        }
    }

    /** @param what "press releases", "all articles": what the feed holds */
    private void feeds(Map<String, SiteObject> files, String name, String what, String htmlUrl, List<ArticleRecord> oldestFirst) {
        List<ArticleRecord> newest = oldestFirst.subList(Math.max(0, oldestFirst.size() - FEED_SIZE), oldestFirst.size()).reversed();
        // The feed changed when its newest change did; a rebuild must not make it look new.
        Instant updated = newest.stream().map(SiteArticles::lastChange).max(Instant::compareTo).orElse(Instant.EPOCH);
        String rss = SitePaths.feed(name, true);
        String atom = SitePaths.feed(name, false);
        List<FeedView.FeedItem> items = newest.stream().map(articles::feedItem).toList();
        String title = office.name() + ": " + what;
        String description = Character.toUpperCase(what.charAt(0)) + what.substring(1) + " from " + office.name() + ".";
        add(files, SiteObject.of(rss, renderer.rss(new FeedView(title, description, htmlUrl, site + rss, Timestamps.iso(updated),
                SiteArticles.rfc1123(updated), office.language().toLanguageTag(), items)), SiteObject.RSS));
        add(files, SiteObject.of(atom, renderer.atom(new FeedView(title, description, htmlUrl, site + atom, Timestamps.iso(updated),
                SiteArticles.rfc1123(updated), office.language().toLanguageTag(), items)), SiteObject.ATOM));
    }

    private List<SitemapEntry> sitemap(List<ArticleRecord> oldestFirst, Collection<Integer> years) {
        List<SitemapEntry> entries = new ArrayList<>();
        entries.add(new SitemapEntry(site, null));
        entries.add(new SitemapEntry(site + SitePaths.PRESS_RELEASES, null));
        entries.add(new SitemapEntry(site + SitePaths.NEWSLETTERS, null));
        entries.add(new SitemapEntry(site + SitePaths.ARCHIVE, null));
        years.forEach(year -> entries.add(new SitemapEntry(site + SitePaths.yearArchive(year), null)));
        oldestFirst.forEach(record -> entries.add(articles.sitemapEntry(record)));
        return entries;
    }

    private static Map<Integer, List<ArticleRecord>> byYear(List<ArticleRecord> oldestFirst) {
        Map<Integer, List<ArticleRecord>> years = new TreeMap<>();
        oldestFirst.forEach(record -> years.computeIfAbsent(record.date().getYear(), year -> new ArrayList<>()).add(record));
        return years;
    }

    private static void add(Map<String, SiteObject> files, SiteObject file) {
        files.put(file.key(), file);
    }

    static String feedName(ArticleKind kind) {
        String directory = kind.listing();
        return directory.substring(0, directory.length() - 1);
    }

    private static String plural(ArticleKind kind) {
        return kind == ArticleKind.PRESS_RELEASE ? "Press releases" : "Newsletters";
    }

    private String intro(ArticleKind kind) {
        return kind == ArticleKind.PRESS_RELEASE
                ? "Statements and announcements for journalists from " + office.name() + "."
                : "Newsletters from " + office.name() + ", as sent to subscribers.";
    }
}
