package despatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NestingDepthTest {

    @Test
    void quotesAndListsOpenedAtTheStartOfALineAreCounted() {
        assertEquals(4, NestingDepth.ofMarkdown("> > - 1. Four deep"));
        assertEquals(3, NestingDepth.ofMarkdown(">>> quoted thrice"));
        assertEquals(1, NestingDepth.ofMarkdown("Text\n\n- one item\n- another"));
    }

    @Test
    void ordinaryTextRulesAndUnmatchedMarkersCountNothing() {
        assertEquals(0, NestingDepth.ofMarkdown("* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *"));
        assertEquals(0, NestingDepth.ofMarkdown("5 * 3 = 15, and 2024. was a year"));
        assertEquals(0, NestingDepth.ofMarkdown("*".repeat(100) + " a divider, closed by nothing"));
    }

    @Test
    void emphasisCountsTheLevelsItsMatchedRunsCanOpen() {
        assertEquals(1, NestingDepth.ofMarkdown("Some ***bold italic*** text"));
        assertEquals(50, NestingDepth.ofMarkdown("_".repeat(100) + "x" + "_".repeat(100)));
    }

    @Test
    void unclosedBlockHtmlIsCountedAndClosedHtmlIsNot() {
        assertEquals(2, NestingDepth.ofHtml("<div class=\"a\"><blockquote>x</blockquote></div><div>y</div>"));
        assertEquals(3, NestingDepth.ofHtml("<ul>\n<UL>\n<ol>\n<li>x"));
        assertEquals(0, NestingDepth.ofHtml("<divider> <dd> <b><i>"));
    }
}
