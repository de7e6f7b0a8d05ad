package despatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextArticleTest {
    private final ArticleParser parser = new ArticleParser(TestOffice.office(), TestOffice.clock());

    private ParsedArticle parse(String fileName, String text) throws ArticleRejectedException {
        return parser.parse(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsTypographyExactly() throws Exception {
        Article article = parse("surgery.txt", """
                Llanfair’s new surgery — “a great day”

                Jane Smith is MP for Llanfair and Pen-y-bryn.

                The café on Stryd Fawr welcomed patients at 8 o’clock – ‘finally’, said Siân.
                Second line of the same paragraph.

                Another paragraph: naïve résumé, 5 × 3 = 15 €.
                """).article();
        assertEquals("Llanfair’s new surgery — “a great day”", article.title());
        assertEquals("Jane Smith is MP for Llanfair and Pen-y-bryn.", article.byline());
        assertTrue(article.bodyHtml().contains("The café on Stryd Fawr welcomed patients at 8 o’clock – ‘finally’, said Siân.<br>"
                + "Second line of the same paragraph."), article.bodyHtml());
        assertTrue(article.bodyHtml().contains("naïve résumé, 5 × 3 = 15 €."), article.bodyHtml());
        assertFalse(article.bodyHtml().contains("Jane Smith is MP"), "the byline is not swallowed into the body");
        assertEquals("The café on Stryd Fawr welcomed patients at 8 o’clock – ‘finally’, said Siân. Second line of the same paragraph.",
                article.summary());
        assertEquals("llanfairs-new-surgery-a-great-day", article.slug());
    }

    @Test
    void titleComesFromTheFileNameWhenTheTextHasNone() throws Exception {
        ParsedArticle parsed = parse("2026-11-20-winter-fuel_payments.txt",
                "Pensioners in Llanfair can still claim winter fuel payments. The deadline is 31 March.\n");
        assertEquals("Winter fuel payments", parsed.article().title());
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("file name")), parsed.warnings().toString());
        assertNull(parsed.article().byline());
    }

    @Test
    void bylineFirstThenBody() throws Exception {
        Article article = parse("column.txt", """
                By Jane Smith MP

                This week I met the families affected by the flooding on Mill Lane.
                """).article();
        assertEquals("By Jane Smith MP", article.byline());
        assertEquals("Jane Smith MP", article.author());
        assertEquals("Column", article.title());
    }

    @Test
    void pressReleaseMarkersAndEnds() throws Exception {
        Article article = parse("release.txt", """
                FOR IMMEDIATE RELEASE

                MP welcomes £2m for flood defences

                Jane Smith MP has welcomed £2m of funding for flood defences on Mill Lane.

                -ENDS-

                Notes to editors:
                1. The funding comes from the Environment Agency.
                """).article();
        assertEquals(ArticleKind.PRESS_RELEASE, article.kind());
        assertEquals("MP welcomes £2m for flood defences", article.title());
        assertFalse(article.bodyHtml().contains("IMMEDIATE"));
        assertTrue(article.notesToEditorsHtml().contains("Environment Agency"), article.notesToEditorsHtml());
    }

    @Test
    void bareAddressesBecomeLinksAndMarkupIsText() throws Exception {
        Article article = parse("links.txt", "Links\n\nSee https://example.org/a?b=1&c=2. And <b>this</b> is text.\n").article();
        assertTrue(article.bodyHtml().contains("<a href=\"https://example.org/a?b=1&amp;c=2\">"), article.bodyHtml());
        assertTrue(article.bodyHtml().contains("&lt;b&gt;this&lt;/b&gt;"), article.bodyHtml());
    }

    @Test
    void plainTextMayCarryFrontMatter() throws Exception {
        Article article = parse("a.txt", "---\ntitle: From front matter\nlists: newsletter\n---\nBody text.\n").article();
        assertEquals("From front matter", article.title());
        assertEquals(java.util.List.of("newsletter"), article.lists());
    }

    @Test
    void windowsLineEndingsAndAByteOrderMark() throws Exception {
        Article article = parse("a.txt", "\uFEFFTitle here\r\n\r\nFirst paragraph.\r\nSame paragraph.\r\n").article();
        assertEquals("Title here", article.title());
        assertTrue(article.bodyHtml().contains("First paragraph.<br>Same paragraph."), article.bodyHtml());
    }
}
