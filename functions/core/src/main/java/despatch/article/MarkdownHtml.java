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

    private MarkdownHtml() {
    }

    /**
     * CommonMark's parser and renderer recurse once per level of nesting, so thousands of nested
     * quotes or emphasis markers overflow the stack; that is bad input, not a crash.
     */
    static String toHtml(String markdown) throws ArticleRejectedException {
        try {
            return RENDERER.render(PARSER.parse(markdown));
        } catch (StackOverflowError e) {
            throw new ArticleRejectedException(new Problem("body", "The Markdown nests quotes, lists or emphasis too deeply "
                    + "to render (more than " + HtmlSanitiser.MAX_DEPTH + " levels). Flatten it."));
        }
    }
}
