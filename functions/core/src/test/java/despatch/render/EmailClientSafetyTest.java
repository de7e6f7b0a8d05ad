package despatch.render;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.article.ParsedArticle;
import despatch.article.UploadText;
import despatch.publish.Preview;
import despatch.publish.PreviewService;
import despatch.testing.TestOffice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders real articles (the samples in local/samples and events/, and bodies with what uploads
 * bring: images without a width, tables, quotes, long lists) and holds each email to
 * {@link EmailClientChecker}. Each email is written to target/email-previews/ for screenshots.
 */
class EmailClientSafetyTest {
    private static final Path PREVIEWS = Path.of("target", "email-previews");
    private final ArticleParser parser = new ArticleParser(TestOffice.office(), TestOffice.clock());
    private final ArticleRenderer renderer = new ArticleRenderer(TestOffice.office(), TestOffice.clock());

    static final String RICH_BODY = """
            ---
            title: What the flood money buys
            summary: Pictures, numbers and what residents said.
            lists: [newsletter]
            ---
            The Environment Agency sent these pictures of the plans.

            ![](https://news.example.org.uk/images/embankment.jpg "decorative")

            ![The new pumping station beside Mill Lane](https://news.example.org.uk/images/pumping-station.jpg)

            <p><img src="https://news.example.org.uk/images/badge.png" alt="Flood Re partner badge" width="120" height="40"></p>

            <p><img src="https://news.example.org.uk/images/wide.jpg" alt="A panorama of the river" width="1200" height="400"></p>

            <figure><img src="https://news.example.org.uk/images/map.png" alt="Map of the works"><figcaption>The works run from the bridge to the allotments.</figcaption></figure>

            | Street | Homes flooded | Protected by |
            | --- | ---: | --- |
            | Mill Lane | 140 | Embankment |
            | River Row | 32 | Pumping station |

            <table><tr><td>Drop-in</td><td><img src="https://news.example.org.uk/images/hall.jpg" alt="Mill Lane Community Hall"></td></tr></table>

            > “We have waited nine months for this. Now we can stop watching the river.”
            > — Siân, Mill Lane

            #### Dates

            Work starts in <mark>April</mark> and ends before winter. Read the `FCERM` plan or the [agency's page](https://www.gov.uk/government/organisations/environment-agency).

            ```
            Drop-in: Saturday 10am-1pm
            ```

            %s
            """.formatted(IntStream.rangeClosed(1, 60).mapToObj(i -> i + ". Household " + i + " gets a flood door and an air-brick cover.")
            .collect(Collectors.joining("\n")));

    private RenderedArticle render(String fileName, String text) {
        try {
            ParsedArticle parsed = parser.parse(fileName, text.getBytes(StandardCharsets.UTF_8));
            return renderer.render(parsed.article());
        } catch (despatch.article.ArticleRejectedException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    private static String preview(String name, String html) {
        try {
            Files.createDirectories(PREVIEWS);
            Files.writeString(PREVIEWS.resolve(name), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html;
    }

    private static void assertSafe(String html) {
        List<EmailClientChecker.Finding> findings = EmailClientChecker.check(html);
        assertTrue(findings.isEmpty(), () -> findings.stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    /** The repository root, where local/samples and events/ live; the tests run in functions/core. */
    private static Path projectRoot() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve("events")) && Files.isDirectory(at.resolve("templates"))) {
                return at;
            }
        }
        throw new IllegalStateException("no project root above " + Path.of("").toAbsolutePath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local/samples/november-newsletter.md", "local/samples/school-funding-embargoed.md",
            "local/samples/flood-defence-funding.txt"})
    void sampleArticlesPassTheChecker(String sample) throws IOException {
        Path file = projectRoot().resolve(sample);
        String html = render(file.getFileName().toString(), Files.readString(file)).emailHtml();
        preview(file.getFileName().toString().replaceAll("\\.\\w+$", ".html"), html);
        assertSafe(html);
    }

    @Test
    void thePreviewEventsArticlePassesTheChecker() throws IOException {
        var event = new ObjectMapper().readTree(projectRoot().resolve("events/preview.json").toFile());
        String html = render(event.get("fileName").asText(), event.get("body").asText()).emailHtml();
        assertSafe(preview("preview-event.html", html));
    }

    @Test
    void newsletterWithAHeroImageKeepsItAtTheColumnWidth() throws IOException {
        Path file = projectRoot().resolve("local/samples/november-newsletter.md");
        Document email = Jsoup.parse(render("november-newsletter.md", Files.readString(file)).emailHtml());
        Element hero = email.selectFirst("img[src$=library-reopening.jpg]");
        assertAll(
                () -> assertEquals("600", hero.attr("width")),
                () -> assertEquals("Children reading in the new Llanfair library’s bright reading room", hero.attr("alt")),
                () -> assertTrue(hero.attr("style").contains("height:auto")));
    }

    @Test
    void pressReleaseNotesToEditorsAreStyledInline() throws IOException {
        Path file = projectRoot().resolve("local/samples/school-funding-embargoed.md");
        Document email = Jsoup.parse(render("school-funding-embargoed.md", Files.readString(file)).emailHtml());
        Element notes = email.select("h2").stream().filter(h -> h.text().equals("Notes to editors")).findFirst().orElseThrow();
        List<Element> after = notes.parent().select("p, ol, ul, li");
        assertFalse(after.isEmpty());
        assertTrue(after.stream().filter(e -> !e.tagName().equals("li")).allMatch(e -> e.attr("style").contains("color:")),
                notes.parent().outerHtml());
    }

    @Test
    void bodyWithImagesTablesQuotesAndALongListPassesTheChecker() {
        String html = render("flood-works.md", RICH_BODY).emailHtml();
        assertSafe(preview("rich-body.html", html));
    }

    @Test
    void bodyImagesGetAWidthOutlookHonoursAndKeepTheirShape() {
        Document email = Jsoup.parse(render("flood-works.md", RICH_BODY).emailHtml());
        Element noWidth = email.selectFirst("img[src$=embankment.jpg]");
        Element small = email.selectFirst("img[src$=badge.png]");
        Element wide = email.selectFirst("img[src$=wide.jpg]");
        Element inFigure = email.selectFirst("img[src$=map.png]");
        Element inCell = email.selectFirst("img[src$=hall.jpg]");
        String column = Integer.toString(EmailBodyStyler.CONTENT_WIDTH);
        assertAll(
                () -> assertEquals(column, noWidth.attr("width"), "the content column, 600 less the body's padding"),
                () -> assertFalse(noWidth.hasAttr("height"), "an unknown height is left to the picture"),
                () -> assertTrue(noWidth.hasAttr("alt") && noWidth.attr("alt").isEmpty(), "the sanitiser's empty alt, which it warned about"),
                () -> assertEquals("120", small.attr("width"), "a small image is not blown up"),
                () -> assertEquals("40", small.attr("height")),
                () -> assertEquals("Flood Re partner badge", small.attr("alt")),
                () -> assertEquals(column, wide.attr("width"), "a wide image is brought into the column"),
                () -> assertEquals("179", wide.attr("height"), "and its height scaled to match"),
                () -> assertEquals(column, inFigure.attr("width")),
                () -> assertEquals("Map of the works", inFigure.attr("alt")),
                () -> assertEquals("252", inCell.attr("width"), "half the column, less the cell's padding"));
        for (Element image : List.of(noWidth, small, wide, inFigure, inCell)) {
            String style = image.attr("style");
            assertTrue(style.contains("max-width:100%") && style.contains("height:auto") && style.contains("display:block")
                    && style.contains("width:" + image.attr("width") + "px"), style);
        }
    }

    @Test
    void anImageWithoutAltTextIsRefusedUnlessMarkedDecorative() throws Exception {
        String unmarked = RICH_BODY.replace("embankment.jpg \"decorative\"", "embankment.jpg");
        ArticleRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(ArticleRejectedException.class,
                () -> parser.parse("flood-works.md", unmarked.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.problems().toString().contains("embankment.jpg has no alt text"), refused.problems().toString());
        Element decorative = Jsoup.parse(render("flood-works.md", RICH_BODY).emailHtml()).selectFirst("img[src$=embankment.jpg]");
        assertEquals("", decorative.attr("alt"), "screen readers skip it");
        assertFalse(decorative.hasAttr("title"), "the mark is not shown as a tooltip");
    }

    @Test
    void tablesCarryTheirBordersAndPaddingAndSayWhetherTheyAreData() {
        Document email = Jsoup.parse(render("flood-works.md", RICH_BODY).emailHtml());
        Element data = email.selectFirst("th:contains(Homes flooded)").closest("table");
        Element grid = email.selectFirst("td:containsOwn(Drop-in)").closest("table");
        assertAll(
                () -> assertFalse(data.hasAttr("role"), "a table with headers keeps its meaning"),
                () -> assertEquals("presentation", grid.attr("role")),
                () -> assertTrue(data.attr("style").contains("border-collapse:collapse")));
        for (Element cell : data.select("th, td")) {
            assertTrue(cell.attr("style").contains("border:1px solid") && cell.attr("style").contains("padding:"), cell.outerHtml());
        }
    }

    @Test
    void transactionalEmailsPassTheChecker() {
        SubscriptionRenderer subscriptions = new SubscriptionRenderer(TestOffice.office());
        RenderedEmail link = subscriptions.linkEmail(new LinkEmailView("Confirm your subscription", "One click to confirm.",
                List.of("Someone, probably you, asked to get the newsletter at this address."), "Confirm my subscription",
                "https://api.example.org.uk/confirm?token=abc&list=newsletter", List.of("The link works for 48 hours.")));
        RenderedEmail export = subscriptions.dataExport("Your data", new DataExportView("jane@example.com", null, "LL1 2AB",
                "Subscribed", List.of("Newsletter"), List.of("Press releases"), "14 March 2025",
                List.of(new DataExportView.ConsentLine("14 March 2025, 09:30 UTC", "Subscribed", "Newsletter", "Subscribe form",
                        "203.0.113.7", "Mozilla/5.0", "2025-03", null)),
                "https://api.example.org.uk/preferences?token=abc"));
        assertAll(
                () -> assertSafe(preview("link.html", link.html())),
                () -> assertSafe(preview("data-export.html", export.html())));
    }

    // ---- size ---------------------------------------------------------------------------------

    @Test
    void aTwoThousandWordRichArticleStaysWellInsideTheBudget() {
        String words = IntStream.range(0, 50).mapToObj(i -> i % 7 == 0 ? "café" : "word" + i).collect(Collectors.joining(" "));
        String text = RICH_BODY + ("\n\n" + words).repeat(40);
        String html = render("long.md", text).emailHtml();
        int bytes = EmailClientChecker.bytes(html);
        assertTrue(bytes < EmailClientChecker.budget(html) / 2, () -> "a 2,000-word email is " + bytes + " bytes");
    }

    /**
     * Uploads may be up to 1 MiB, far more than Gmail shows; the publish checks must then either
     * reject the article or tell the press office it will be clipped, never pass it silently.
     */
    @ParameterizedTest
    @ValueSource(ints = {120 * 1024, 400 * 1024, UploadText.MAX_BYTES - 4096})
    void anUploadPastWhatGmailShowsIsRejectedOrFlagged(int uploadBytes) {
        String paragraph = "The council has agreed to keep the number 42 bus, with a stop at the hospital and the school. ";
        StringBuilder text = new StringBuilder("---\ntitle: A very long report\nlists: [newsletter]\n---\n");
        while (text.length() < uploadBytes - 200) {
            text.append(paragraph.repeat(4)).append("\n\n");
        }
        Preview preview = new PreviewService(parser, renderer, null).preview("report.md", text.toString().getBytes(StandardCharsets.UTF_8));
        if (preview.accepted()) {
            String html = preview.rendered().emailHtml();
            assertTrue(EmailClientChecker.bytes(html) > EmailClientChecker.GMAIL_CLIP_BYTES);
            assertTrue(preview.warnings().stream().anyMatch(w -> w.contains("Gmail clips")), preview.warnings().toString());
            assertTrue(EmailClientChecker.check(html).stream().anyMatch(f -> f.rule() == EmailClientChecker.Rule.SIZE));
        } else {
            assertTrue(preview.problems().stream().anyMatch(p -> p.message().contains("Gmail clips")), preview.problems().toString());
        }
    }
}
