package despatch.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleKind;
import despatch.publish.ArticleRecord;
import despatch.testing.TestOffice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SiteBuilderTest {
    private final SiteBuilder builder = new SiteBuilder(TestOffice.office());
    private final String site = TestOffice.office().siteBaseUrl() + "/";

    @Test
    void everyFileOfTheSiteIsMadeEvenWithNoArticles() {
        Map<String, SiteObject> files = builder.build(List.of());

        assertEquals(new TreeSet<>(Set.of("index.html", "404.html", "robots.txt", "sitemap.xml", "archive/index.html",
                "press-releases/index.html", "newsletters/index.html", "feeds/all.xml", "feeds/all.atom",
                "feeds/press-releases.xml", "feeds/press-releases.atom", "feeds/newsletters.xml", "feeds/newsletters.atom", "social-card.png")),
                new TreeSet<>(files.keySet()));
        assertTrue(files.get("index.html").text().contains("Nothing has been published yet."));
        assertTrue(files.get("robots.txt").text().contains("Sitemap: " + site + "sitemap.xml"));
    }

    @Test
    void theHomePageAndListingsShowACardWhenSharedButThe404PageDoesNot() throws java.io.IOException {
        Map<String, SiteObject> files = builder.build(List.of());
        org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(files.get("index.html").text());
        assertEquals("website", home.selectFirst("meta[property=og:type]").attr("content"));
        assertEquals(site, home.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals(TestOffice.office().name(), home.selectFirst("meta[property=og:site_name]").attr("content"));
        assertEquals(home.title(), home.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("summary_large_image", home.selectFirst("meta[name=twitter:card]").attr("content"));
        assertEquals(site + "social-card.png", home.selectFirst("meta[property=og:image]").attr("content"), "the office's card");
        java.awt.image.BufferedImage card = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(files.get("social-card.png").body()));
        assertEquals(List.of(1200, 630), List.of(card.getWidth(), card.getHeight()), "published beside the pages, the size cards take");
        org.jsoup.nodes.Document listing = org.jsoup.Jsoup.parse(files.get("press-releases/index.html").text());
        assertEquals(site + "press-releases/", listing.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals(null, org.jsoup.Jsoup.parse(files.get("404.html").text()).selectFirst("meta[property=og:url]"),
                "the 404 page has no address to share");
    }

    @Test
    void listingsArePagedFromTheOldestSoOlderPagesKeepTheirArticles() {
        Map<String, SiteObject> files = builder.build(Records.pressReleases(65));

        String newest = files.get("press-releases/index.html").text();
        assertTrue(newest.contains("Release 64") && newest.contains("Release 40") && !newest.contains("Release 39<"),
                "the newest page holds the rest: 40–64");
        assertTrue(newest.indexOf("Release 64") < newest.indexOf("Release 40"), "newest first within a page");
        assertTrue(newest.contains("href=\"" + site + "press-releases/page/2/\""), "older link");
        String middle = files.get("press-releases/page/2/index.html").text();
        assertTrue(middle.contains("Release 20") && middle.contains("Release 39") && !middle.contains("Release 19<"));
        assertTrue(middle.contains("21 January 2025 to 9 February 2025"), "a page says which dates it covers");
        assertTrue(middle.contains("href=\"" + site + "press-releases/\"") && middle.contains("href=\"" + site + "press-releases/page/1/\""));
        assertFalse(files.containsKey("press-releases/page/3/index.html"), "the newest page lives at the listing's own address");
        assertFalse(files.get("newsletters/index.html").text().contains("Release 1"), "press releases are not newsletters");
    }

    @Test
    void theNewestPageNeverHoldsJustAFew() {
        Map<String, SiteObject> files = builder.build(Records.pressReleases(21));

        assertFalse(files.containsKey("press-releases/page/1/index.html"));
        String newest = files.get("press-releases/index.html").text();
        assertTrue(newest.contains("Release 20") && newest.contains("Release 0<"), "all 21 on one page");
    }

    @Test
    void aNewArticleChangesOnlyTheFilesThatShowIt() {
        List<ArticleRecord> before = new ArrayList<>(Records.pressReleases(55));
        before.add(Records.published("news-1", "Old newsletter", ArticleKind.NEWSLETTER, LocalDate.of(2024, 6, 1)));
        Map<String, SiteObject> old = builder.build(before);
        List<ArticleRecord> after = new ArrayList<>(before);
        after.add(Records.published("release-new", "New release", ArticleKind.PRESS_RELEASE, LocalDate.of(2025, 3, 10)));

        Set<String> changed = changedKeys(old, builder.build(after));

        assertEquals(new TreeSet<>(Set.of("index.html", "press-releases/index.html", "archive/index.html", "archive/2025/index.html",
                "sitemap.xml", "feeds/all.xml", "feeds/all.atom", "feeds/press-releases.xml", "feeds/press-releases.atom")),
                new TreeSet<>(changed), "older listing pages, the newsletter listing and feeds, the 404 page stay as they are");
    }

    @Test
    void aNewArticleThatStartsAPageAlsoWritesTheFullOneAndItsNeighbour() {
        List<ArticleRecord> before = Records.pressReleases(59);
        List<ArticleRecord> after = new ArrayList<>(before);
        after.add(Records.published("release-new", "New release", ArticleKind.PRESS_RELEASE, LocalDate.of(2025, 3, 10)));

        Set<String> changed = changedKeys(builder.build(before), builder.build(after));

        assertTrue(changed.containsAll(Set.of("press-releases/index.html", "press-releases/page/2/index.html",
                "press-releases/page/1/index.html")), changed.toString());
        assertEquals(13, changed.size(), "the two listings that hold it (kind, year) write 3 each, and the 7 files that"
                + " show every new article; " + changed);
    }

    @Test
    void aCorrectionShowsItsDateInListingsAndMovesNothing() {
        List<ArticleRecord> records = new ArrayList<>(Records.pressReleases(3));
        ArticleRecord fixed = Records.corrected(records.get(1), Instant.parse("2025-02-01T12:00:00Z"));
        records.set(1, fixed);

        String listing = builder.build(records).get("press-releases/index.html").text();

        assertTrue(listing.contains("Updated <time datetime=\"2025-02-01T12:00:00Z\">1 February 2025</time>"), listing);
        assertTrue(listing.indexOf("Release 2") < listing.indexOf("Release 1") && listing.indexOf("Release 1") < listing.indexOf("Release 0"));
    }

    @Test
    void archiveHasAPagePerYearNewestYearFirst() {
        List<ArticleRecord> records = List.of(
                Records.published("a", "In 2024", ArticleKind.NEWSLETTER, LocalDate.of(2024, 12, 31)),
                Records.published("b", "In 2025", ArticleKind.PRESS_RELEASE, LocalDate.of(2025, 1, 1)),
                Records.published("c", "Also 2025", ArticleKind.NEWSLETTER, LocalDate.of(2025, 5, 1)));

        Map<String, SiteObject> files = builder.build(records);

        String index = files.get("archive/index.html").text();
        assertTrue(index.indexOf(">2025<") < index.indexOf(">2024<"));
        assertTrue(index.contains("2 articles") && index.contains("1 article"));
        String year = files.get("archive/2025/index.html").text();
        assertTrue(year.contains("In 2025") && year.contains("Also 2025") && !year.contains("In 2024"));
    }

    @Test
    void theSameRecordsGiveTheSameBytes() {
        List<ArticleRecord> records = Records.pressReleases(30);
        Map<String, SiteObject> first = builder.build(records);
        Map<String, SiteObject> second = builder.build(records.reversed());

        assertEquals(first.keySet(), second.keySet());
        first.forEach((key, file) -> assertArrayEquals(file.body(), second.get(key).body(), key));
    }

    @Test
    void everyPageCarriesTheSubscribeFormPostingToTheApi() {
        Map<String, SiteObject> files = builder.build(Records.pressReleases(2));

        for (String page : List.of("index.html", "404.html", "archive/index.html", "archive/2025/index.html", "press-releases/index.html")) {
            String html = files.get(page).text();
            assertTrue(html.contains("action=\"" + TestOffice.office().subscriptionApiBase() + "/subscriptions\""), page);
            assertTrue(html.contains("name=\"wording\" value=\"" + despatch.subscription.SubscribeRequestCheck.CURRENT_WORDING + "\""), page);
            assertFalse(html.contains(" checked"), page + ": consent is never pre-ticked");
        }
    }

    private static Set<String> changedKeys(Map<String, SiteObject> before, Map<String, SiteObject> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((key, file) -> {
            if (!before.containsKey(key) || !before.get(key).fingerprint().equals(file.fingerprint())) {
                changed.add(key);
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(changed::add);
        return changed;
    }
}
