package despatch.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleParser;
import despatch.common.Personalisation;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ArticleRendererTest {
    private final ArticleParser parser = new ArticleParser(TestOffice.office(), TestOffice.clock());
    private final ArticleRenderer renderer = new ArticleRenderer(TestOffice.office(), TestOffice.clock());

    private RenderedArticle render(String fileName, String text) throws Exception {
        return renderer.render(parser.parse(fileName, text.getBytes(StandardCharsets.UTF_8)).article());
    }

    @Test
    void twoThousandWordArticleStaysUnderGmailsClipping() throws Exception {
        StringBuilder text = new StringBuilder("A long report\n\n");
        for (int paragraph = 0; paragraph < 40; paragraph++) {
            text.append("Word ".repeat(49)).append("end.\n\n");
        }
        RenderedArticle rendered = render("report.txt", text.toString());
        int bytes = rendered.emailHtml().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 102 * 1024, "email HTML is " + bytes + " bytes");
        assertTrue(rendered.emailText().contains("Word Word"));
    }

    @Test
    void subjectIsOneLineAndMarkupIsEscapedEverywhere() throws Exception {
        RenderedArticle rendered = render("a.md", "---\ntitle: \"Tom & Jerry <script>x</script>\\r\\nBcc: a@b\"\n---\nBody.\n");
        assertEquals("Tom & Jerry <script>x</script> Bcc: a@b", rendered.subject());
        Document web = Jsoup.parse(rendered.webHtml());
        assertEquals(rendered.subject(), web.selectFirst("h1").text());
        assertTrue(web.select("script").stream().allMatch(s -> s.attr("type").equals("application/ld+json")));
        assertFalse(rendered.webHtml().contains("<script>x"));
        assertFalse(rendered.emailHtml().contains("<script>x"));
    }

    @Test
    void emailCarriesTheUnsubscribePlaceholderAndTheWebLink() throws Exception {
        RenderedArticle rendered = render("a.md", "---\ntitle: Hello\nslug: hello\n---\nBody with [a link](https://example.org/x).\n");
        Document email = Jsoup.parse(rendered.emailHtml());
        assertTrue(email.select("a[href]").eachAttr("href").contains(Personalisation.UNSUBSCRIBE_URL));
        assertTrue(email.select("a[href]").eachAttr("href").contains("https://news.example.org.uk/articles/hello/"));
        assertTrue(rendered.emailText().contains("a link (https://example.org/x)"), rendered.emailText());
        assertTrue(rendered.emailText().contains(Personalisation.UNSUBSCRIBE_URL));
    }

    @Test
    void webPageDescribesItselfToSearchAndSocial() throws Exception {
        RenderedArticle rendered = render("a.md", """
                ---
                title: Flood defences funded
                summary: £2m for Mill Lane.
                slug: flood-defences
                hero_image: https://news.example.org.uk/img/flood.jpg
                hero_image_alt: Sandbags on Mill Lane
                ---
                Body.
                """);
        Document web = Jsoup.parse(rendered.webHtml());
        assertEquals("en-GB", web.selectFirst("html").attr("lang"));
        assertEquals("https://news.example.org.uk/articles/flood-defences/", web.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Flood defences funded", web.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("https://news.example.org.uk/img/flood.jpg", web.selectFirst("meta[property=og:image]").attr("content"));
        String jsonLd = web.selectFirst("script[type=application/ld+json]").data();
        assertTrue(jsonLd.contains("\"@type\":\"NewsArticle\"") && jsonLd.contains("\"headline\":\"Flood defences funded\""), jsonLd);
        assertEquals("Sandbags on Mill Lane", web.selectFirst("img").attr("alt"));
    }
}
