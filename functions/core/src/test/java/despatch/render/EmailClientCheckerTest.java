package despatch.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.article.ArticleParser;
import despatch.render.EmailClientChecker.Rule;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Breaks a real article email the ways a template or styler change could, and checks that
 * {@link EmailClientChecker} names each break, so a green {@link EmailClientSafetyTest} means something.
 */
class EmailClientCheckerTest {
    private static String email;

    @BeforeAll
    static void renderOnce() throws Exception {
        var office = TestOffice.office();
        var parsed = new ArticleParser(office, TestOffice.clock()).parse("flood-works.md",
                EmailClientSafetyTest.RICH_BODY.replace("lists: [newsletter]", "lists: [newsletter]\nhero_image: "
                        + "https://news.example.org.uk/images/hero.jpg\nhero_image_alt: Mill Lane under water in February")
                        .getBytes(StandardCharsets.UTF_8));
        email = new ArticleRenderer(office, TestOffice.clock()).render(parsed.article()).emailHtml();
    }

    private static Set<Rule> rulesBroken(Consumer<Document> regression) {
        Document document = Jsoup.parse(email);
        document.outputSettings().prettyPrint(false);
        regression.accept(document);
        return EmailClientChecker.check(document.outerHtml()).stream().map(EmailClientChecker.Finding::rule).collect(Collectors.toSet());
    }

    private static void assertCaught(Rule rule, Consumer<Document> regression) {
        Set<Rule> broken = rulesBroken(regression);
        assertTrue(broken.contains(rule), () -> "expected " + rule + ", got " + broken);
    }

    private static void replaceInStyleBlock(Document document, String from, String to) {
        for (Element style : document.select("style")) {
            String css = style.data();
            if (css.contains(from)) {
                style.empty().appendChild(new DataNode(css.replace(from, to)));
                return;
            }
        }
        throw new AssertionError("no style block contains " + from);
    }

    private static void appendCss(Document document, String css) {
        Element style = document.selectFirst("style");
        style.empty().appendChild(new DataNode(style.data() + css));
    }

    private static void prependCss(Document document, String css) {
        Element style = document.selectFirst("style");
        style.empty().appendChild(new DataNode(css + style.data()));
    }

    @Test
    void theUnbrokenEmailPasses() {
        assertEquals(List.of(), EmailClientChecker.check(email));
    }

    @Test
    void layoutThatLeansOnTheStyleBlockIsCaught() {
        assertCaught(Rule.INLINE_STYLE, d -> d.selectFirst("h1").removeAttr("style"));
        assertCaught(Rule.INLINE_STYLE, d -> d.selectFirst("td.dk-card").removeAttr("style"));
        assertCaught(Rule.INLINE_STYLE, d -> d.selectFirst("p:contains(Environment Agency sent)").removeAttr("style"));
        assertCaught(Rule.INLINE_STYLE, d -> d.selectFirst("td.dk-muted.mb-pad").attr("style", "padding:24px 32px 0;"));
        assertCaught(Rule.STYLE_BLOCK, d -> appendCss(d, ".card{padding:32px}"));
        assertCaught(Rule.STYLE_BLOCK, d -> appendCss(d, "@font-face{font-family:x}"));
    }

    @Test
    void imagesOutlookWouldMisSizeOrScreenReadersCannotNameAreCaught() {
        assertCaught(Rule.IMG_WIDTH, d -> d.selectFirst("img[src$=embankment.jpg]").removeAttr("width"));
        assertCaught(Rule.IMG_WIDTH, d -> d.selectFirst("img[src$=hero.jpg]").attr("width", "100%"));
        assertCaught(Rule.IMG_WIDTH, d -> d.selectFirst("img[src$=wide.jpg]").attr("width", "1200"));
        // Wider than the 536px the body cell's padding leaves: Outlook would push the column out.
        assertCaught(Rule.IMG_WIDTH, d -> d.selectFirst("img[src$=embankment.jpg]").attr("width", "560"));
        assertCaught(Rule.IMG_ALT, d -> d.selectFirst("img[src$=hero.jpg]").removeAttr("alt"));
        assertCaught(Rule.IMG_STYLE, d -> d.selectFirst("img[src$=embankment.jpg]").attr("style", "border:0;"));
        assertCaught(Rule.LINK_NAME, d -> d.selectFirst("a[href^=https://www.gov.uk]").html("<img src=\"x.png\" alt=\"\" width=\"20\">"));
    }

    @Test
    void whatMailClientsStripOrMangleIsCaught() {
        assertCaught(Rule.SCRIPT, d -> d.body().appendElement("script").appendText("alert(1)"));
        assertCaught(Rule.FORM, d -> d.body().appendElement("form").appendElement("input"));
        assertCaught(Rule.EXTERNAL_CSS, d -> d.head().appendElement("link").attr("rel", "stylesheet").attr("href", "https://x/a.css"));
        assertCaught(Rule.EXTERNAL_CSS, d -> prependCss(d, "@import url(https://x/a.css);"));
        assertCaught(Rule.POSITION, d -> d.selectFirst("h1").attr("style", d.selectFirst("h1").attr("style") + "position:relative;"));
        assertCaught(Rule.FLEX_OR_GRID, d -> d.selectFirst("td.dk-card").attr("style", "display:flex;" + d.selectFirst("td.dk-card").attr("style")));
        assertCaught(Rule.FLEX_OR_GRID, d -> appendCss(d, "@media (min-width:600px){.x{display:grid}}"));
    }

    @Test
    void structureAndHeadRegressionsAreCaught() {
        assertCaught(Rule.LAYOUT_TABLE, d -> d.selectFirst("table").removeAttr("role"));
        assertCaught(Rule.LAYOUT_TABLE, d -> d.selectFirst("th").parent().closest("table").attr("role", "presentation"));
        assertCaught(Rule.CONTAINER, d -> d.selectFirst("table[width=600]").attr("width", "100%"));
        assertCaught(Rule.LANG, d -> d.selectFirst("html").removeAttr("lang"));
        assertCaught(Rule.DIR, d -> d.selectFirst("html").removeAttr("dir"));
        assertCaught(Rule.TITLE, d -> d.title(""));
        assertCaught(Rule.DARK_MODE, d -> d.selectFirst("meta[name=color-scheme]").remove());
        assertCaught(Rule.DARK_MODE, d -> d.select("style").last().remove());
    }

    @Test
    void unreadableTextInEitherColourSchemeIsCaught() {
        assertCaught(Rule.CONTRAST_LIGHT, d -> d.select("p").last().attr("style", "margin:0;color:#999999;"));
        assertCaught(Rule.CONTRAST_LIGHT, d -> d.selectFirst("td.dk-muted.mb-pad").attr("style",
                d.selectFirst("td.dk-muted.mb-pad").attr("style").replace("#575757", "#aaaaaa")));
        // The body's own colour is light-scheme ink; without the dark rule for paragraphs it sits on the dark card.
        assertCaught(Rule.CONTRAST_DARK, d -> replaceInStyleBlock(d, ".dk-fg p,", ""));
        assertCaught(Rule.CONTRAST_DARK, d -> replaceInStyleBlock(d, ".dk-fg th,.dk-fg table,", ""));
        assertCaught(Rule.CONTRAST_DARK, d -> replaceInStyleBlock(d, ".dk-fg figcaption", ".dk-nothing"));
        assertCaught(Rule.CONTRAST_DARK, d -> replaceInStyleBlock(d, "#9cc3ff", "#0b4f9c"));
    }

    @Test
    void anEmailThatGmailWouldClipForSomeRecipientsIsCaught() {
        int budget = EmailClientChecker.budget(email);
        assertTrue(budget < EmailClientChecker.GMAIL_CLIP_BYTES, "the unsubscribe placeholder leaves headroom");
        int room = budget - EmailClientChecker.bytes(email);
        // Under Gmail's limit as rendered, but not once the real unsubscribe link replaces the placeholder.
        String padded = email.replace("</body>", "<!--" + "x".repeat(room + 1) + "--></body>");
        assertTrue(EmailClientChecker.bytes(padded) <= EmailClientChecker.GMAIL_CLIP_BYTES);
        assertTrue(EmailClientChecker.check(padded).stream().anyMatch(f -> f.rule() == Rule.SIZE));
        String fits = email.replace("</body>", "<!--" + "x".repeat(room - 8) + "--></body>");
        assertTrue(EmailClientChecker.check(fits).stream().noneMatch(f -> f.rule() == Rule.SIZE));
    }

    @Test
    void aButtonLinkMustCarryItsOwnFill() {
        String link = new SubscriptionRenderer(TestOffice.office()).linkEmail(new LinkEmailView("Confirm", null, List.of("Intro."),
                "Confirm my subscription", "https://api.example.org.uk/confirm?token=abc", List.of())).html();
        assertEquals(List.of(), EmailClientChecker.check(link));
        Document broken = Jsoup.parse(link);
        Element button = broken.selectFirst("a.dk-btn");
        button.attr("style", button.attr("style").replaceAll("padding:[^;]*;", "").replaceAll("background-color:[^;]*;", ""));
        assertTrue(EmailClientChecker.check(broken.outerHtml()).stream().anyMatch(f -> f.rule() == Rule.BUTTON));
    }
}
