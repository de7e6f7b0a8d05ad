package despatch.render;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the article templates with a plain Thymeleaf engine and checks what a reader, a mail client
 * and a search engine would see. Each rendering is also written to target/template-previews/ so it can
 * be opened in a browser or fed to the Nu HTML checker.
 */
class TemplatesRenderTest {

    // One engine for the whole class, as production builds one per container.
    private static final TemplateEngine ENGINE = engine();
    private static final Path PREVIEWS = Path.of("target", "template-previews");

    static final String TITLE = "Llanfair’s café — “quotes” & <script>alert('x')</script> plans";
    static final String NON_ASCII = "Llanfair’s café — “quotes”";
    static final String UNSUBSCRIBE = "{{unsubscribe_url}}";
    static final String CANONICAL = "https://www.example.org.uk/news/llanfair-library";
    static final String HERO = "https://www.example.org.uk/media/llanfair-library.jpg";
    static final String HERO_ALT = "The library’s reading room, with tall windows onto the High Street";
    static final String EMBARGO = "Embargoed until 00:01 Tuesday 18 March 2025";
    static final String NOTES = "The library was funded by the county council & the Welsh Government.";
    static final String CONTACT = "Press office: 020 7946 0000, press@example.org.uk";
    static final String PREHEADER = "The new library opens on Saturday, with a café and a local history room.";

    static final OfficeView OFFICE = new OfficeView(
            "Jane Example MP",
            List.of("House of Commons", "London", "SW1A 0AA"),
            "https://www.example.org.uk/",
            "https://www.example.org.uk/subscribe",
            "en-GB",
            new ImageView("https://www.example.org.uk/social-card.png", "Jane Example MP", 1200, 630, null, null,
                    "https://www.example.org.uk/social-card.png"));

    static TemplateEngine engine() {
        var html = new ClassLoaderTemplateResolver();
        html.setPrefix("templates/");
        html.setTemplateMode(TemplateMode.HTML);
        html.setCharacterEncoding("UTF-8");
        html.setResolvablePatterns(Set.of("*.html"));
        html.setCheckExistence(true);
        html.setOrder(1);
        var text = new ClassLoaderTemplateResolver();
        text.setPrefix("templates/");
        text.setTemplateMode(TemplateMode.TEXT);
        text.setCharacterEncoding("UTF-8");
        text.setResolvablePatterns(Set.of("*.txt"));
        text.setCheckExistence(true);
        text.setOrder(2);
        var engine = new TemplateEngine();
        engine.addTemplateResolver(html);
        engine.addTemplateResolver(text);
        return engine;
    }

    // ---- sample views -------------------------------------------------------------------------

    static ArticleView newsletter() {
        return new ArticleView("llanfair-library", TITLE, "The new library opens on Saturday.", "Jane Example",
                "By Jane Example MP", false, "Newsletter", "2025-03-14T09:30:00Z", "14 March 2025", null,
                "<p>The new library on the High Street opens on Saturday. " + NON_ASCII + " is next door.</p>"
                        + "<h2>Opening hours</h2><p>Monday to Saturday, 9am to 6pm.</p>",
                HERO, HERO_ALT, null, null, CANONICAL, null, null,
                new ImageView(HERO, HERO_ALT, 640, 427, HERO + " 640w", ImageView.COLUMN_SIZES, HERO),
                new ImageView(HERO, HERO_ALT, 1200, 630, null, null, HERO));
    }

    static ArticleView pressRelease() {
        return new ArticleView("library-funding", TITLE, null, "Jane Example", "By Jane Example MP", true,
                "Press release", "2025-03-18T00:01:00Z", "18 March 2025", EMBARGO,
                "<p>Jane Example MP welcomed the funding for " + NON_ASCII + ".</p>",
                null, null, "<ol><li>" + NOTES.replace("&", "&amp;") + "</li></ol>", CONTACT,
                "https://www.example.org.uk/news/library-funding", null, null, null, OFFICE.card());
    }

    static PageView page(ArticleView article) {
        // Built as the publisher does: JSON with '<', '>' and '&' escaped so it is safe inside <script>.
        String headline = article.title().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("'", "\\u0027");
        return new PageView("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\""
                + headline + "\",\"datePublished\":\"" + article.publishedIso() + "\"}",
                "The new library on the High Street opens on Saturday, with a café — “quotes” & all.");
    }

    static EmailView email(ArticleView article, String bodyHtml, String bodyText) {
        boolean pr = article.pressRelease();
        return new EmailView(PREHEADER, bodyHtml, bodyText,
                pr ? "<ol style=\"margin:0 0 12px;padding-left:24px;\"><li>" + NOTES.replace("&", "&amp;") + "</li></ol>" : null,
                pr ? "1. " + NOTES : null,
                article.canonicalUrl(), UNSUBSCRIBE);
    }

    static EmailView email(ArticleView article) {
        return email(article,
                "<p style=\"margin:0 0 16px;\">The new library opens on Saturday. " + NON_ASCII + " is next door &amp; open.</p>",
                "The new library opens on Saturday. " + NON_ASCII + " is next door & open.\n");
    }

    // ---- rendering ----------------------------------------------------------------------------

    static String render(String template, Map<String, Object> variables, String previewName) {
        var context = new Context();
        context.setVariables(variables);
        String out = ENGINE.process(template, context);
        try {
            Files.createDirectories(PREVIEWS);
            Files.writeString(PREVIEWS.resolve(previewName), out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String web(ArticleView a, String name) {
        return render("web/article.html", Map.of("article", a, "office", OFFICE, "page", page(a), "chrome", SiteChrome.of(despatch.testing.TestOffice.office())), name);
    }

    static String emailHtml(ArticleView a, EmailView e, String name) {
        return render("email/article.html", Map.of("article", a, "office", OFFICE, "email", e), name);
    }

    static String emailText(ArticleView a, EmailView e, String name) {
        return render("email/article.txt", Map.of("article", a, "office", OFFICE, "email", e), name);
    }

    static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null ? null : e.attr("content");
    }

    // ---- web page -----------------------------------------------------------------------------

    @Nested
    class WebPage {

        @Test
        void newsletterHasTheHeadASearchEngineAndASharePreviewNeed() {
            String out = web(newsletter(), "web-newsletter.html");
            Document doc = Jsoup.parse(out);
            assertAll(
                    () -> assertTrue(out.startsWith("<!DOCTYPE html>")),
                    () -> assertEquals("en-GB", doc.selectFirst("html").attr("lang")),
                    () -> assertFalse(out.contains("xmlns:th"), "the Thymeleaf namespace must not ship"),
                    () -> assertNotNull(doc.selectFirst("meta[charset=utf-8]")),
                    () -> assertNotNull(doc.selectFirst("meta[name=viewport]")),
                    () -> assertEquals(TITLE, doc.title()),
                    () -> assertEquals(page(newsletter()).description(), meta(doc, "description")),
                    () -> assertEquals(CANONICAL, doc.selectFirst("link[rel=canonical]").attr("href")),
                    () -> assertEquals("article", meta(doc, "og:type")),
                    () -> assertEquals(TITLE, meta(doc, "og:title")),
                    () -> assertEquals(CANONICAL, meta(doc, "og:url")),
                    () -> assertEquals(OFFICE.name(), meta(doc, "og:site_name")),
                    () -> assertEquals(HERO, meta(doc, "og:image")),
                    () -> assertEquals(HERO_ALT, meta(doc, "og:image:alt")),
                    () -> assertEquals("1200", meta(doc, "og:image:width")),
                    () -> assertEquals("630", meta(doc, "og:image:height")),
                    () -> assertEquals("summary_large_image", meta(doc, "twitter:card")));
        }

        @Test
        void newsletterBodyIsSemanticAndEscaped() {
            String out = web(newsletter(), "web-newsletter.html");
            Document doc = Jsoup.parse(out);
            assertAll(
                    () -> assertEquals(1, doc.select("h1").size(), "exactly one h1"),
                    () -> assertEquals(TITLE, doc.selectFirst("h1").text()),
                    () -> assertNotNull(doc.selectFirst("main > article > header > h1")),
                    () -> assertEquals("2025-03-14T09:30:00Z", doc.selectFirst("article time").attr("datetime")),
                    () -> assertEquals("14 March 2025", doc.selectFirst("article time").text()),
                    () -> assertTrue(doc.selectFirst("article header").text().contains("By Jane Example MP")),
                    () -> assertTrue(doc.selectFirst("article header").text().contains("Newsletter")),
                    () -> assertEquals(HERO_ALT, doc.selectFirst("article img[src=" + HERO + "]").attr("alt")),
                    () -> assertTrue(doc.selectFirst("article").text().contains(NON_ASCII)),
                    // The title's <script> is text, never an element; the only script is the JSON-LD data.
                    () -> assertFalse(out.contains("<script>alert")),
                    () -> assertTrue(out.contains("&lt;script&gt;alert")),
                    () -> assertEquals(1, doc.select("script").size()),
                    () -> assertEquals("application/ld+json", doc.selectFirst("script").attr("type")),
                    () -> assertTrue(doc.selectFirst("script").data().contains("\"@type\":\"NewsArticle\"")),
                    () -> assertTrue(doc.select("[onclick], [onload], [onerror]").isEmpty()),
                    () -> assertTrue(doc.select("link[rel=stylesheet], link[rel=preload], iframe").isEmpty(),
                            "no external resources"),
                    () -> assertFalse(out.contains("ENDS")),
                    () -> assertTrue(doc.select("#notes-to-editors, #media-contact").isEmpty()));
        }

        @Test
        void footerNamesTheOfficeItsAddressAndThePageOffersSubscribing() {
            Document doc = Jsoup.parse(web(newsletter(), "web-newsletter.html"));
            Element footer = doc.selectFirst("body > footer");
            assertNotNull(footer);
            assertTrue(footer.text().contains(OFFICE.name()));
            for (String line : OFFICE.postalAddressLines()) {
                assertTrue(footer.selectFirst("address").text().contains(line), line);
            }
            SiteChrome chrome = SiteChrome.of(despatch.testing.TestOffice.office());
            Element form = doc.selectFirst("section#subscribe form[method=post]");
            assertNotNull(form, "the subscribe form on the page");
            assertEquals(chrome.subscribeAction(), form.attr("action"));
            assertNotNull(form.selectFirst("input[type=email][name=email][autocomplete=email]"));
            assertEquals(chrome.wordingVersion(), form.selectFirst("input[name=wording]").val());
            assertNotNull(doc.selectFirst("a[href=#subscribe]"), "the navigation leads to it");
        }

        @Test
        void pressReleaseShowsEmbargoThenBodyThenEndsNotesAndContact() {
            String out = web(pressRelease(), "web-press-release.html");
            Document doc = Jsoup.parse(out);
            String text = doc.selectFirst("article").text();
            assertAll(
                    () -> assertEquals(EMBARGO, doc.selectFirst("article header .embargo").text()),
                    () -> assertEquals("ENDS", doc.selectFirst(".ends").text()),
                    () -> assertEquals("Notes to editors", doc.selectFirst("#notes-to-editors").text()),
                    () -> assertTrue(text.contains(NOTES)),
                    () -> assertEquals("Media contact", doc.selectFirst("#media-contact").text()),
                    () -> assertTrue(text.contains(CONTACT)),
                    () -> assertTrue(text.indexOf(EMBARGO) < text.indexOf("welcomed the funding")),
                    () -> assertTrue(text.indexOf("welcomed the funding") < text.indexOf("ENDS")),
                    () -> assertTrue(text.indexOf("ENDS") < text.indexOf("Notes to editors")),
                    () -> assertTrue(text.indexOf("Notes to editors") < text.indexOf("Media contact")),
                    // No hero image: the office's card for a shared link, and no empty figure.
                    () -> assertTrue(doc.select("figure, img").isEmpty()),
                    () -> assertEquals(OFFICE.card().url(), meta(doc, "og:image")),
                    () -> assertEquals("summary_large_image", meta(doc, "twitter:card")));
        }
    }

    // ---- email HTML ---------------------------------------------------------------------------

    @Nested
    class EmailHtml {

        @Test
        void newsletterHasThePartsEveryMailNeeds() {
            String out = emailHtml(newsletter(), email(newsletter()), "email-newsletter.html");
            Document doc = Jsoup.parse(out);
            Element preheader = doc.body().child(0);
            assertAll(
                    () -> assertEquals("en-GB", doc.selectFirst("html").attr("lang")),
                    () -> assertFalse(out.contains("xmlns:th")),
                    () -> assertNotNull(doc.selectFirst("meta[charset=utf-8]")),
                    () -> assertNotNull(doc.selectFirst("meta[name=viewport]")),
                    () -> assertEquals("light dark", meta(doc, "color-scheme")),
                    () -> assertEquals(TITLE, doc.title()),
                    // The preheader is the first thing in the body, hidden everywhere, then padded.
                    () -> assertTrue(preheader.text().startsWith(PREHEADER)),
                    () -> assertTrue(preheader.attr("style").contains("display:none")),
                    () -> assertTrue(preheader.attr("style").contains("mso-hide:all")),
                    () -> assertTrue(preheader.text().length() > PREHEADER.length() + 50, "spacer characters"),
                    () -> assertEquals("View this in your browser",
                            doc.selectFirst("a[href=" + CANONICAL + "]").text()),
                    () -> assertTrue(doc.select("td").stream().anyMatch(td -> td.ownText().equals(OFFICE.name())), "masthead"),
                    () -> assertEquals(1, doc.select("h1").size()),
                    () -> assertEquals(TITLE, doc.selectFirst("h1").text()),
                    () -> assertFalse(out.contains("<script")),
                    () -> assertTrue(doc.text().contains("Newsletter")),
                    () -> assertTrue(doc.text().contains("By Jane Example MP · 14 March 2025")),
                    () -> assertTrue(doc.text().contains(NON_ASCII)),
                    () -> assertFalse(out.contains("ENDS")),
                    () -> assertFalse(doc.text().contains("Notes to editors")),
                    () -> assertFalse(doc.text().contains("Media contact")));
        }

        @Test
        void heroImageHasAltAndFluidSizing() {
            Document doc = Jsoup.parse(emailHtml(newsletter(), email(newsletter()), "email-newsletter.html"));
            Element img = doc.selectFirst("img");
            assertAll(
                    () -> assertEquals(HERO, img.attr("src")),
                    () -> assertEquals(HERO_ALT, img.attr("alt")),
                    () -> assertEquals("600", img.attr("width")),
                    () -> assertTrue(img.attr("style").contains("width:100%")),
                    () -> assertTrue(img.attr("style").contains("max-width:600px")),
                    () -> assertTrue(img.attr("style").contains("height:auto")));
        }

        @Test
        void footerCarriesAddressUnsubscribeAndWhy() {
            String out = emailHtml(newsletter(), email(newsletter()), "email-newsletter.html");
            Document doc = Jsoup.parse(out);
            // The sender swaps the placeholder per recipient, so it must appear exactly as given.
            assertTrue(out.contains("href=\"" + UNSUBSCRIBE + "\""));
            assertEquals("Unsubscribe", doc.selectFirst("a[href=" + UNSUBSCRIBE + "]").text());
            String text = doc.text();
            for (String line : OFFICE.postalAddressLines()) {
                assertTrue(text.contains(line), line);
            }
            assertTrue(text.contains("Why am I getting this? You are receiving this because you subscribed at "
                    + OFFICE.siteUrl()));
            assertNotNull(doc.selectFirst("a[href=" + OFFICE.siteUrl() + "]"));
        }

        @Test
        void pressReleaseHasEmbargoEndsNotesAndContactInOrder() {
            String out = emailHtml(pressRelease(), email(pressRelease()), "email-press-release.html");
            String text = Jsoup.parse(out).body().text();
            assertAll(
                    () -> assertTrue(text.contains("Press release")),
                    () -> assertTrue(text.contains(EMBARGO)),
                    () -> assertTrue(text.contains("ENDS")),
                    () -> assertTrue(text.contains("Notes to editors " + NOTES)),
                    () -> assertTrue(text.contains("Media contact " + CONTACT)),
                    () -> assertTrue(text.indexOf(EMBARGO) < text.indexOf(TITLE)),
                    () -> assertTrue(text.indexOf("next door") < text.indexOf("ENDS")),
                    () -> assertTrue(text.indexOf("ENDS") < text.indexOf("Notes to editors")),
                    () -> assertTrue(text.indexOf("Notes to editors") < text.indexOf("Media contact")),
                    () -> assertTrue(Jsoup.parse(out).select("img").isEmpty()));
        }

        @Test
        void layoutIsTablesWithInlineStylesNotClasses() {
            Document doc = Jsoup.parse(emailHtml(pressRelease(), email(pressRelease()), "email-press-release.html"));
            for (Element table : doc.select("table")) {
                assertEquals("presentation", table.attr("role"), table.outerHtml());
            }
            for (Element td : doc.select("td")) {
                assertTrue(td.hasAttr("style"), () -> "td without inline style: " + td.outerHtml());
            }
            // Classes are only hooks for the optional dark-mode/mobile <style>: every element that has one
            // also carries its own inline style, so nothing depends on the style block surviving.
            for (Element e : doc.select("[class]")) {
                assertTrue(e.hasAttr("style"), () -> "class without inline style: " + e.tagName() + "." + e.className());
            }
            Element container = doc.selectFirst("table table");
            assertTrue(container.attr("style").contains("max-width:600px"));
        }

        @Test
        void twoThousandWordEmailStaysFarUnderGmailsClippingLimit() {
            String paragraph = IntStream.range(0, 50).mapToObj(i -> i % 7 == 0 ? "café" : "word" + i)
                    .collect(Collectors.joining(" "));
            String bodyHtml = IntStream.range(0, 40)
                    .mapToObj(i -> "<p style=\"margin:0 0 16px;\">" + paragraph + "</p>")
                    .collect(Collectors.joining("\n"));
            String out = emailHtml(newsletter(), email(newsletter(), bodyHtml, paragraph), "email-long.html");
            int bytes = out.getBytes(StandardCharsets.UTF_8).length;
            int bodyBytes = bodyHtml.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < 102_400, () -> "email is " + bytes + " bytes");
            // The template's own markup stays small whatever the body is.
            assertTrue(bytes - bodyBytes < 16_000, () -> "layout overhead is " + (bytes - bodyBytes) + " bytes");
        }
    }

    // ---- email text ---------------------------------------------------------------------------

    @Nested
    class EmailText {

        @Test
        void newsletterReadsAsPlainText() {
            String out = emailText(newsletter(), email(newsletter()), "email-newsletter.txt");
            List<String> lines = out.lines().toList();
            assertAll(
                    () -> assertEquals(TITLE, lines.get(0), "title first, unescaped"),
                    () -> assertEquals("=".repeat(TITLE.length()), lines.get(1)),
                    () -> assertEquals("Newsletter", lines.get(2)),
                    () -> assertEquals("By Jane Example MP · 14 March 2025", lines.get(3)),
                    () -> assertTrue(lines.contains("View it in your browser: " + CANONICAL)),
                    () -> assertTrue(out.contains(NON_ASCII + " is next door & open.")),
                    () -> assertTrue(lines.contains("Unsubscribe: " + UNSUBSCRIBE)),
                    () -> assertTrue(lines.containsAll(OFFICE.postalAddressLines())),
                    () -> assertTrue(lines.contains(OFFICE.name())),
                    () -> assertTrue(lines.contains("You are receiving this because you subscribed at " + OFFICE.siteUrl())),
                    () -> assertFalse(out.contains("ENDS")),
                    () -> assertFalse(out.contains("Notes to editors")));
        }

        @Test
        void pressReleaseHasEmbargoEndsNotesAndContact() {
            String out = emailText(pressRelease(), email(pressRelease()), "email-press-release.txt");
            List<String> lines = out.lines().toList();
            assertAll(
                    () -> assertEquals("Press release", lines.get(2)),
                    () -> assertEquals(EMBARGO, lines.get(3)),
                    () -> assertTrue(lines.contains("ENDS")),
                    () -> assertTrue(lines.contains("Notes to editors")),
                    () -> assertTrue(lines.contains("1. " + NOTES)),
                    () -> assertTrue(lines.contains("Media contact")),
                    () -> assertTrue(lines.contains(CONTACT)),
                    () -> assertTrue(out.indexOf("next door") < out.indexOf("ENDS")),
                    () -> assertTrue(out.indexOf("ENDS") < out.indexOf("Notes to editors")),
                    () -> assertTrue(out.indexOf("Notes to editors") < out.indexOf("Media contact")),
                    () -> assertTrue(out.indexOf("Media contact") < out.indexOf("Unsubscribe: ")));
        }

        @Test
        void hasNoMarkupEntitiesOrTemplateLeftovers() {
            for (ArticleView a : List.of(newsletter(), pressRelease())) {
                String out = emailText(a, email(a), "email-check.txt");
                assertAll(
                        () -> assertFalse(out.contains("&amp;")),
                        () -> assertFalse(out.contains("&lt;")),
                        () -> assertFalse(out.contains("&#")),
                        () -> assertFalse(out.contains("<p>")),
                        () -> assertFalse(out.contains("[[")),
                        () -> assertFalse(out.contains("[#")),
                        () -> assertFalse(out.contains("[/]")),
                        () -> assertFalse(out.contains("\n\n\n"), "no runs of blank lines"),
                        () -> assertTrue(out.contains(NON_ASCII)));
            }
        }
    }
}
