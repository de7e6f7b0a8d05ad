package despatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownArticleTest {
    private final ArticleParser parser = new ArticleParser(TestOffice.office(), TestOffice.clock());

    private ParsedArticle parse(String text) throws ArticleRejectedException {
        return parser.parse("bus-route.md", text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Problem> problemsOf(String fileName, String text) {
        return assertThrows(ArticleRejectedException.class,
                () -> parser.parse(fileName, text.getBytes(StandardCharsets.UTF_8))).problems();
    }

    @Test
    void readsEveryFrontMatterField() throws Exception {
        Article article = parse("""
                ---
                title: Bus route 42 saved
                summary: The county council has reversed its decision.
                author: Jane Smith MP
                date: 2026-11-19
                kind: press-release
                lists: [press, newsletter]
                embargo: 2026-12-01T00:01:00+00:00[Europe/London]
                slug: bus-route-42-saved
                hero_image: https://news.example.org.uk/images/bus.jpg
                hero_image_alt: A number 42 bus at Market Square
                notes_to_editors: |
                  1. The route carries 1,200 passengers a day.
                media_contact: Sam Jones, 020 7946 0001
                ---
                The route will keep running.
                """).article();

        assertEquals("Bus route 42 saved", article.title());
        assertEquals("The county council has reversed its decision.", article.summary());
        assertEquals("Jane Smith MP", article.author());
        assertEquals(LocalDate.of(2026, 11, 19), article.date());
        assertEquals(ArticleKind.PRESS_RELEASE, article.kind());
        assertEquals(List.of("press", "newsletter"), article.lists());
        assertEquals(ZonedDateTime.parse("2026-12-01T00:01:00+00:00[Europe/London]").toInstant(), article.embargo().toInstant());
        assertEquals("bus-route-42-saved", article.slug());
        assertEquals(new HeroImage("https://news.example.org.uk/images/bus.jpg", "A number 42 bus at Market Square"), article.heroImage());
        assertTrue(article.notesToEditorsHtml().contains("1,200 passengers"), article.notesToEditorsHtml());
        assertEquals("Sam Jones, 020 7946 0001", article.mediaContact());
        assertEquals("<p>The route will keep running.</p>", article.bodyHtml().strip());
    }

    @Test
    void fillsDefaultsFromTheText() throws Exception {
        ParsedArticle parsed = parse("""
                # New GP surgery opens in Llanfair

                The surgery on Station Road opens on Monday with four doctors. It will take 6,000 patients.

                ## Opening hours

                Weekdays 8am to 6.30pm.
                """);
        Article article = parsed.article();
        assertEquals("New GP surgery opens in Llanfair", article.title());
        assertEquals("new-gp-surgery-opens-in-llanfair", article.slug());
        assertEquals("The surgery on Station Road opens on Monday with four doctors. It will take 6,000 patients.", article.summary());
        assertEquals(ArticleKind.NEWSLETTER, article.kind());
        assertEquals(LocalDate.of(2026, 11, 20), article.date());
        assertFalse(article.bodyHtml().contains("<h1"), "the title is not repeated in the body");
        assertTrue(article.bodyHtml().contains("<h2>Opening hours</h2>"), article.bodyHtml());
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("No lists")), parsed.warnings().toString());
    }

    @Test
    void bodyHeadingsStartBelowTheTitle() throws Exception {
        Article article = parse("""
                ---
                title: Surgery times
                ---
                # Monday

                Open.
                """).article();
        assertTrue(article.bodyHtml().contains("<h2>Monday</h2>"), article.bodyHtml());
    }

    @Test
    void unknownKeysAreNamedWithASuggestion() {
        List<Problem> problems = problemsOf("a.md", "---\ntitel: Hello\nfoo: bar\n---\nBody.\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains("'titel'") && problems.get(0).message().contains("Did you mean 'title'"),
                problems.get(0).message());
        assertTrue(problems.get(1).message().contains("'foo'"), problems.get(1).message());
    }

    @Test
    void malformedFrontMatterSaysWhere() {
        List<Problem> problems = problemsOf("a.md", "---\ntitle: Hello\nlists: [newsletter\n---\nBody.\n");
        assertTrue(problems.getFirst().where().startsWith("front matter"), problems.toString());
        assertTrue(problems.getFirst().message().contains("Not valid YAML"), problems.toString());
    }

    @Test
    void unclosedFrontMatterIsExplained() {
        List<Problem> problems = problemsOf("a.md", "---\ntitle: Hello\n\nBody.\n");
        assertTrue(problems.getFirst().message().contains("no closing ---"), problems.toString());
    }

    @Test
    void badDatesSayHowToWriteThem() {
        List<Problem> problems = problemsOf("a.md", "---\ndate: 20/11/2026\nembargo: 2026-12-01T00:01\n---\nBody.\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(messageAt(problems, "front matter: date").contains("YYYY-MM-DD"), problems.toString());
        assertTrue(messageAt(problems, "front matter: embargo").contains("no time zone"), problems.toString());
    }

    private static String messageAt(List<Problem> problems, String where) {
        return problems.stream().filter(p -> p.where().equals(where)).findFirst().orElseThrow().message();
    }

    @Test
    void embargoMayNameAZoneAfterASpace() throws Exception {
        Article article = parse("---\ntitle: T\nembargo: 2026-12-01T00:01 Europe/London\n---\nBody.\n").article();
        assertEquals("2026-12-01T00:01Z", article.embargo().toOffsetDateTime().toString());
    }

    @Test
    void listsMustBeDefinedByTheOffice() {
        List<Problem> problems = problemsOf("a.md", "---\nlists: [newsletter, newsleter]\n---\nBody.\n");
        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().message().contains("no list 'newsleter'")
                && problems.getFirst().message().contains("newsletter (Newsletter)"), problems.getFirst().message());
    }

    @Test
    void heroImageNeedsAltTextAndAWebAddressOrAFileName() {
        List<Problem> problems = problemsOf("a.md", "---\nhero_image: bus.jpg\n---\nBody.\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().message().contains("needs alt text"), problems.toString());
        problems = problemsOf("a.md", "---\nhero_image: ../secrets/bus.jpg\nhero_image_alt: A bus\n---\nBody.\n");
        assertTrue(problems.getFirst().message().contains("neither a web address nor a file name"), problems.toString());
    }

    @Test
    void imagesBesideTheUploadAreNamedByFileNameAndFoundInItsImagesFolder() throws Exception {
        ParsedArticle parsed = parser.parse("bus-route.md", """
                ---
                hero_image: bus at stop.jpg
                hero_image_alt: A number 42 bus at Market Square
                ---
                # Bus route 42 saved

                The 42 keeps running. ![The new timetable board](timetable.png)

                ![](divider.png "decorative") and a picture elsewhere: ![A map](https://news.example.org.uk/map.png)
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new ImageRef(1, ImageRef.Origin.BESIDE_UPLOAD, "bus at stop.jpg", "A number 42 bus at Market Square", false),
                new ImageRef(2, ImageRef.Origin.BESIDE_UPLOAD, "timetable.png", "The new timetable board", false),
                new ImageRef(3, ImageRef.Origin.BESIDE_UPLOAD, "divider.png", "", true)), parsed.images());
        assertEquals("articles/2026/bus-route.images/", ImageRef.besideFolder("articles/2026/bus-route.md"));
        assertEquals(parsed.images().getFirst().placeholder(), parsed.article().heroImage().url());
        assertTrue(parsed.article().bodyHtml().contains("src=\"https://news.example.org.uk/map.png\""), "web addresses stay as they are");
        List<Problem> problems = problemsOf("a.md", "Body ![A bus](despatch-docx:word/media/image1.png)\n");
        assertTrue(problems.getFirst().message().contains("neither a web address nor a file name"),
                "only a Word document has pictures inside it: " + problems);
    }

    @Test
    void lineBreaksInTheTitleAreFoldedSoHeadersCannotBeInjected() throws Exception {
        Article article = parse("---\ntitle: \"Hello\\r\\nBcc: everyone@example.org\"\n---\nBody.\n").article();
        assertEquals("Hello Bcc: everyone@example.org", article.title());
        assertFalse(article.title().contains("\n") || article.title().contains("\r"));
    }

    @Test
    void dangerousHtmlIsRemovedAndLinksKeepWorking() throws Exception {
        ParsedArticle parsed = parse("""
                ---
                title: Links
                ---
                Read [the report](https://example.org/report.pdf) or [our page](/about/).

                <script>alert(1)</script>
                <p onclick="steal()">Click</p>
                <a href="javascript:alert(1)">bad</a>
                <iframe src="https://evil.example"></iframe>
                <img src="https://evil.example/x.png" alt="A picture" onerror="alert(1)">
                <form action="https://evil.example"><input name="q"></form>
                """);
        String html = parsed.article().bodyHtml();
        for (String forbidden : List.of("<script", "onclick", "javascript:", "<iframe", "onerror", "<form", "<input")) {
            assertFalse(html.toLowerCase().contains(forbidden), forbidden + " survived in " + html);
        }
        assertTrue(html.contains("href=\"https://example.org/report.pdf\""), html);
        assertTrue(html.contains("href=\"https://news.example.org.uk/about/\""), "relative links become absolute: " + html);
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("removed")), parsed.warnings().toString());
    }

    @Test
    void embargoMentionedOnlyInTheTextIsRefused() {
        List<Problem> problems = problemsOf("release.md", """
                EMBARGOED UNTIL 00:01 TUESDAY 1 DECEMBER

                # Bus route saved

                The route will keep running.
                """);
        assertTrue(problems.getFirst().message().contains("no embargo is set"), problems.toString());
    }

    @Test
    void endsSplitsOffNotesToEditors() throws Exception {
        Article article = parse("""
                # Bus route saved

                The route will keep running.

                ENDS

                Notes to editors

                1. Jane Smith is MP for Llanfair.
                """).article();
        assertEquals(ArticleKind.PRESS_RELEASE, article.kind());
        assertFalse(article.bodyHtml().contains("ENDS"));
        assertTrue(article.notesToEditorsHtml().contains("Jane Smith is MP for Llanfair"), article.notesToEditorsHtml());
        assertFalse(article.notesToEditorsHtml().contains("Notes to editors"));
        assertEquals("Press office: 020 7946 0000", article.mediaContact(), "the office's media contact is the default");
    }

    @Test
    void wrongExtensionIsNamed() {
        List<Problem> problems = problemsOf("release.docx", "text");
        assertTrue(problems.getFirst().message().contains(".docx"), problems.toString());
    }

    @Test
    void badSlugIsExplainedWithAFix() {
        List<Problem> problems = problemsOf("a.md", "---\nslug: Bus Route!\n---\nBody.\n");
        assertTrue(problems.getFirst().message().contains("bus-route"), problems.toString());
    }

    @Test
    void noBodyIsAnError() {
        List<Problem> problems = problemsOf("a.md", "---\ntitle: Only a title\n---\n\n");
        assertEquals("body", problems.getFirst().where());
    }

    @Test
    void hostileNestingIsRejectedNotACrash() {
        for (String body : List.of(">".repeat(9_000) + " deep", "*".repeat(9_000) + "x" + "*".repeat(9_000),
                "<div>\n".repeat(50_000) + "x", "- ".repeat(9_000) + "x", ">".repeat(100_000))) {
            List<Problem> problems = problemsOf("deep.md", "---\ntitle: Deep\n---\n" + body + "\n");
            String message = problems.getFirst().message();
            assertTrue(message.contains("Flatten it") || message.contains("Break it into paragraphs"), problems.toString());
        }
    }

    @Test
    void billionLaughsInFrontMatterIsRefused() {
        String yaml = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nx\n";
        assertTrue(problemsOf("a.md", yaml).getFirst().message().contains("aliases"));
    }

    @Test
    void yamlOneTwoTypesStayText() throws Exception {
        Article article = parse("---\ntitle: no\nauthor: 2026\n---\nBody.\n").article();
        assertEquals("no", article.title());
        assertEquals("2026", article.author());
        assertNull(article.embargo());
    }

    @Test
    void takingAnArticleDownIsNotStoppedByItsPictures() throws Exception {
        ParsedArticle parsed = parse("---\nunpublish: yes\nhero_image: gone.jpg\n---\n# Bus route saved\n\n![](https://news.example.org.uk/old.jpg)"
                + " ![x](../elsewhere.jpg)\n");
        assertTrue(parsed.unpublish());
        assertEquals(List.of(), parsed.images(), "nothing to read for a takedown");
    }

    @Test
    void theAddressPlaceholdersUseCannotBeTyped() {
        List<Problem> problems = problemsOf("a.md", "Body ![A bus](https://despatch.invalid/image/1)\n");
        assertTrue(problems.getFirst().message().contains("at an address no image can come from"), problems.toString());
    }
}
