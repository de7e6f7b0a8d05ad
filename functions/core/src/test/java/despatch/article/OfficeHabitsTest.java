package despatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How press offices really write: the cases a first version got wrong. */
class OfficeHabitsTest {
    private final ArticleParser parser = new ArticleParser(TestOffice.office(), TestOffice.clock());

    private Article parse(String fileName, String text) throws ArticleRejectedException {
        return parser.parse(fileName, text.getBytes(StandardCharsets.UTF_8)).article();
    }

    private List<Problem> problems(String fileName, String text) {
        return assertThrows(ArticleRejectedException.class,
                () -> parser.parse(fileName, text.getBytes(StandardCharsets.UTF_8))).problems();
    }

    @Test
    void embargoAnywhereInTheTextWithoutTheKeyIsRefused() {
        assertTrue(problems("a.txt", "EMBARGOED UNTIL 00:01 TUESDAY 3 DECEMBER 2030\nSchool approved\n\nText.\n")
                .getFirst().message().contains("no embargo is set"));
        assertTrue(problems("b.txt", "School approved\n\nText.\n\nENDS\n\nNotes to editors\n\n1. This release is embargoed until 00:01 on Tuesday.\n")
                .getFirst().message().contains("no embargo is set"));
    }

    @Test
    void theWordEmbargoInAHeadlineIsNotAnEmbargo() throws Exception {
        Article article = parse("oil.txt", "Embargo on Russian oil must be tightened, says Llanfair MP\n\nJane Smith MP said so today.\n");
        assertEquals("Embargo on Russian oil must be tightened, says Llanfair MP", article.title());
    }

    @Test
    void frontMatterAfterABlankLineOrWithTrailingSpacesIsStillFrontMatter() throws Exception {
        Article article = parse("a.md", "\n--- \ntitle: Hidden?\nlists: [press]\n---  \nBody.\n");
        assertEquals("Hidden?", article.title());
        assertEquals(List.of("press"), article.lists());
        assertFalse(article.bodyHtml().contains("lists"), article.bodyHtml());
    }

    @Test
    void openingSentencesAreNotBylines() throws Exception {
        Article first = parse("a.txt", "Bus saved\n\nJane Smith, MP for Llanfair, has welcomed today's decision by the county council.\n\nMore.\n");
        assertNull(first.byline());
        assertTrue(first.bodyHtml().contains("has welcomed today"), first.bodyHtml());
        Article second = parse("b.txt", "Library saved\n\nBy working together, councillors and residents have saved the library.\n");
        assertNull(second.byline());
        assertNull(second.author());
    }

    @Test
    void realBylinesAreFound() throws Exception {
        assertEquals("Jane Smith, MP for Llanfair and Pen-y-bryn", parse("a.txt", "T\n\nJane Smith, MP for Llanfair and Pen-y-bryn\n\nBody.\n").byline());
        assertEquals("By Jane Smith MP", parse("b.txt", "T\n\nBy Jane Smith MP\n\nBody.\n").byline());
    }

    @Test
    void markersDateLinesAndBylinesAboveTheHeadline() throws Exception {
        Article article = parse("release.txt", """
                PRESS RELEASE – FOR IMMEDIATE RELEASE
                Tuesday 3 December 2024

                Jane Smith MP

                Council saves the 42 bus

                The route stays.
                """);
        assertEquals("Council saves the 42 bus", article.title());
        assertEquals(LocalDate.of(2024, 12, 3), article.date());
        assertEquals("Jane Smith MP", article.byline());
        assertEquals(ArticleKind.PRESS_RELEASE, article.kind());
        assertEquals("<p>The route stays.</p>", article.bodyHtml().strip());
    }

    @Test
    void aQuotationIsNotATitle() throws Exception {
        Article article = parse("quote-first.txt", "“This is fantastic news for Llanfair.”\n\nJane Smith MP welcomed the decision.\n");
        assertEquals("Quote first", article.title());
    }

    @Test
    void wordPasteWithoutBlankLines() throws Exception {
        Article article = parse("paste.txt", """
                FOR IMMEDIATE RELEASE
                MP welcomes flood funding
                Jane Smith MP has welcomed £2.4m for Mill Lane.
                The work starts in April.
                Ends.
                Notes to editors
                1. The funding is from the Environment Agency.
                """);
        assertEquals("MP welcomes flood funding", article.title());
        assertEquals(ArticleKind.PRESS_RELEASE, article.kind());
        assertTrue(article.bodyHtml().contains("<p>The work starts in April.</p>"), article.bodyHtml());
        assertFalse(article.bodyHtml().contains("Ends"), article.bodyHtml());
        assertTrue(article.notesToEditorsHtml().contains("Environment Agency"));
        assertFalse(article.notesToEditorsHtml().contains("Notes to editors"), article.notesToEditorsHtml());
    }

    @Test
    void welshMarkers() throws Exception {
        Article article = parse("datganiad.txt", "DATGANIAD I'R WASG\n\nAS yn croesawu arian\n\nMae’r AS wedi croesawu’r arian.\n\nDIWEDD\n\nNodiadau i olygyddion\n\n1. Nodyn.\n");
        assertEquals("AS yn croesawu arian", article.title());
        assertEquals(ArticleKind.PRESS_RELEASE, article.kind());
        assertTrue(article.notesToEditorsHtml().contains("Nodyn."));
    }

    @Test
    void welshMarkersWithACurlyApostrophe() throws Exception {
        Article article = parse("datganiad.txt", "DATGANIAD I’R WASG\n\nAS yn croesawu arian\n\nTestun.\n");
        assertEquals("AS yn croesawu arian", article.title());
        assertEquals(ArticleKind.PRESS_RELEASE, article.kind());
    }

    @Test
    void binaryYamlValuesAreRefused() {
        assertTrue(problems("a.md", "---\ntitle: !!binary aGVsbG8=\n---\nBody.\n").getFirst().message().contains("binary"));
    }

    @Test
    void controlCharactersFromYamlEscapesAreRefused() {
        assertTrue(problems("a.md", "---\ntitle: \"Hello\\NBcc: x\\0\\e\"\n---\nBody.\n").getFirst().message().contains("control character"));
    }

    @Test
    void theUnsubscribePlaceholderCannotComeFromTheArticle() {
        assertTrue(problems("a.md", "---\ntitle: T\n---\n[this](https://evil.example/?u={{unsubscribe_url}})\n")
                .getFirst().message().contains("reserved"));
    }

    @Test
    void anOffsetThatContradictsTheZoneIsRefused() {
        assertTrue(problems("a.md", "---\nembargo: 2026-07-01T00:01:00+00:00[Europe/London]\n---\nBody.\n")
                .getFirst().message().contains("Leave the offset out"));
    }

    @Test
    void embargoedArticlesAreDatedOnTheirEmbargoDay() throws Exception {
        assertEquals(LocalDate.of(2030, 1, 15), parse("a.md", "---\nembargo: 2030-01-15T00:01[Europe/London]\n---\nBody.\n").date());
    }

    @Test
    void summariesAndHeadlinesNeverSplitAnEmoji() throws Exception {
        Article article = parse("a.md", "---\ntitle: T\n---\n" + "A".repeat(198) + "🎄 tree\n");
        assertFalse(Character.isHighSurrogate(article.summary().charAt(article.summary().length() - 2)), article.summary());
    }

    @Test
    void aBodyStartingWithAnImageStillHasASummary() throws Exception {
        Article article = parse("a.md", "---\ntitle: Pictures\n---\n![A bus](https://example.org/bus.jpg)\n\nThe bus is saved.\n");
        assertEquals("The bus is saved.", article.summary());
    }
}
