package despatch.article;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to HTML (CommonMark with GitHub tables, strikethrough and bare links). Raw HTML is
 * passed through on purpose: {@link HtmlSanitiser} decides what survives, in one place.
 */
final class MarkdownHtml {
    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), StrikethroughExtension.create(), AutolinkExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /**
     * CommonMark's inline parsing turns quadratic on some long lines (thousands of "<a"); no real
     * paragraph is anywhere near this long, and a hostile one would otherwise run the function out of time.
     */
    static final int MAX_LINE_CHARS = 20_000;

    private MarkdownHtml() {
    }

    private static void checkLineLengths(String markdown) throws ArticleRejectedException {
        int lineNumber = 0;
        for (String line : markdown.split("\n")) {
            lineNumber++;
            if (line.length() > MAX_LINE_CHARS) {
                throw new ArticleRejectedException(new Problem("body", "A line of the body (the " + ordinal(lineNumber)
                        + ") is " + line.length() + " characters long; the most is " + MAX_LINE_CHARS
                        + ". Break it into paragraphs with blank lines."));
            }
        }
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    /**
     * Nesting is counted before parsing: thousands of levels would overflow CommonMark's stack or
     * take jsoup tens of seconds, and that is bad input, not a crash. The catch is a backstop for
     * shapes the count does not know.
     */
    static String toHtml(String markdown) throws ArticleRejectedException {
        checkLineLengths(markdown);
        if (NestingDepth.ofMarkdown(markdown) > HtmlSanitiser.MAX_DEPTH) {
            throw nestedTooDeeply();
        }
        int htmlDepth = NestingDepth.ofHtml(markdown);
        if (htmlDepth > HtmlSanitiser.MAX_DEPTH) {
            throw HtmlSanitiser.nestedTooDeeply("body", htmlDepth);
        }
        try {
            return RENDERER.render(PARSER.parse(markdown));
        } catch (StackOverflowError e) {
            throw nestedTooDeeply();
        }
    }

    private static ArticleRejectedException nestedTooDeeply() {
        return new ArticleRejectedException(new Problem("body", "The Markdown nests quotes, lists or emphasis too deeply "
                + "to render (more than " + HtmlSanitiser.MAX_DEPTH + " levels). Flatten it."));
    }
}
