package despatch.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import despatch.article.ArticleKind;
import despatch.publish.ArticleRecord;
import despatch.testing.TestOffice;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feeds as a real feed reader's parser (ROME) sees them. */
class FeedsTest {
    private static final String WELSH_TITLE = "Llanfair’s café reopens — £5m for Ysgol Gymraeg Ŵyn & “friends” <at last>";
    private final String site = TestOffice.office().siteBaseUrl() + "/";

    private final List<ArticleRecord> records = new ArrayList<>(List.of(
            Records.published("welsh-school", WELSH_TITLE, ArticleKind.PRESS_RELEASE, LocalDate.of(2026, 11, 2)),
            Records.published("november-news", "November newsletter", ArticleKind.NEWSLETTER, LocalDate.of(2026, 11, 1))));

    private SyndFeed parse(String key) throws Exception {
        Map<String, SiteObject> files = new SiteBuilder(TestOffice.office()).build(records);
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(files.get(key).body()))) {
            return new SyndFeedInput().build(reader);
        }
    }

    /** ROME does not read Atom's xml:lang; a namespace-aware parser does. */
    private String atomLanguage() throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        byte[] atom = new SiteBuilder(TestOffice.office()).build(records).get("feeds/all.atom").body();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom)).getDocumentElement()
                .getAttributeNS(javax.xml.XMLConstants.XML_NS_URI, "lang");
    }

    @Test
    void rssKeepsTitlesLinksDatesAndGuids() throws Exception {
        SyndFeed feed = parse("feeds/all.xml");

        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals("en-GB", feed.getLanguage());
        assertEquals(TestOffice.office().name() + ": all articles", feed.getTitle());
        assertEquals(site, feed.getLink());
        SyndEntry first = feed.getEntries().getFirst();
        assertEquals(WELSH_TITLE, first.getTitle(), "non-ASCII and markup characters unmangled");
        assertEquals(site + "articles/welsh-school/", first.getLink());
        assertEquals(site + "articles/welsh-school/", first.getUri(), "the GUID");
        assertEquals(Date.from(Instant.parse("2026-11-02T09:30:00Z")), first.getPublishedDate());
        assertEquals("Summary of " + WELSH_TITLE, first.getDescription().getValue());
        assertEquals("November newsletter", feed.getEntries().get(1).getTitle(), "newest first");
    }

    @Test
    void atomKeepsTitlesLinksDatesIdsAndCorrections() throws Exception {
        records.set(0, Records.corrected(records.get(0), Instant.parse("2026-11-03T08:00:00Z")));

        SyndFeed feed = parse("feeds/all.atom");

        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("en-GB", atomLanguage(), "xml:lang on the feed element");
        assertEquals(Date.from(Instant.parse("2026-11-03T08:00:00Z")), feed.getPublishedDate(), "the feed's updated: its newest change");
        SyndEntry first = feed.getEntries().getFirst();
        assertEquals(WELSH_TITLE, first.getTitle());
        assertEquals(site + "articles/welsh-school/", first.getLink());
        assertEquals(site + "articles/welsh-school/", first.getUri(), "the entry id");
        assertEquals(Date.from(Instant.parse("2026-11-02T09:30:00Z")), first.getPublishedDate());
        assertEquals(Date.from(Instant.parse("2026-11-03T08:00:00Z")), first.getUpdatedDate(), "the correction");
        assertNotNull(feed.getAuthors().isEmpty() ? null : feed.getAuthors().getFirst());
    }

    @Test
    void eachKindHasItsOwnFeeds() throws Exception {
        SyndFeed press = parse("feeds/press-releases.xml");
        SyndFeed newsletters = parse("feeds/newsletters.atom");

        assertEquals(List.of(WELSH_TITLE), press.getEntries().stream().map(SyndEntry::getTitle).toList());
        assertEquals(List.of("November newsletter"), newsletters.getEntries().stream().map(SyndEntry::getTitle).toList());
        assertTrue(press.getTitle().endsWith("press releases"));
        assertEquals(site + "press-releases/", press.getLink(), "a kind's feed links to that kind's listing");
    }

    @Test
    void markupInTitlesAndSummariesStaysText() throws Exception {
        String hostile = "</title><script>alert(1)</script> ]]> <![CDATA[x]]> & \"quoted\"";
        records.set(0, Records.published("hostile", hostile, ArticleKind.PRESS_RELEASE, LocalDate.of(2026, 11, 2)));

        assertEquals(hostile, parse("feeds/all.xml").getEntries().getFirst().getTitle());
        assertEquals(hostile, parse("feeds/all.atom").getEntries().getFirst().getTitle());
        String home = new SiteBuilder(TestOffice.office()).build(records).get("index.html").text();
        assertTrue(home.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped on the page");
        assertTrue(!home.contains("<script>alert"), "never markup");
    }

    @Test
    void feedsHoldTheNewestFifty() throws Exception {
        records.clear();
        records.addAll(Records.pressReleases(70));

        SyndFeed feed = parse("feeds/press-releases.xml");

        assertEquals(50, feed.getEntries().size());
        assertEquals("Release 69", feed.getEntries().getFirst().getTitle());
        assertEquals("Release 20", feed.getEntries().getLast().getTitle());
    }
}
