package despatch.article;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * The one gate for article HTML: no script, no event handlers, no javascript: or data: links,
 * no frames, forms or styles. Relative links are made absolute against the article's address,
 * because the same HTML goes into emails, where a relative link goes nowhere.
 */
final class HtmlSanitiser {
    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "figure", "figcaption", "abbr", "del", "ins", "s", "mark")
            .addAttributes("abbr", "title")
            .addProtocols("a", "href", "tel");
    private static final Cleaner CLEANER = new Cleaner(SAFELIST);

    private HtmlSanitiser() {
    }

    /** Clean HTML and what the press officer should know about it. */
    record Result(String html, List<String> warnings) {
    }

    /** Real articles nest a few levels; hundreds are an attack on every recursive renderer downstream. */
    static final int MAX_DEPTH = 40;

    static Result sanitise(String html, String baseUrl, String part) throws ArticleRejectedException {
        Document dirty = Jsoup.parseBodyFragment(html, baseUrl);
        Document clean = CLEANER.clean(dirty);
        List<String> warnings = new java.util.ArrayList<>();
        if (!CLEANER.isValid(Jsoup.parseBodyFragment(html, baseUrl))) {
            warnings.add(part + ": some HTML was removed because it is not safe in a web page or email "
                    + "(scripts, event handlers, frames, forms, styles or javascript: links).");
        }
        int depth = depthOf(clean.body());
        if (depth > MAX_DEPTH) {
            throw nestedTooDeeply(part, depth);
        }
        shiftHeadingsBelowTitle(clean.body());
        List<String> withoutAlt = new java.util.ArrayList<>();
        for (Element image : clean.body().select("img")) {
            if (image.attr("alt").isBlank()) {
                withoutAlt.add(image.attr("src"));
                image.attr("alt", "");
            }
        }
        if (!withoutAlt.isEmpty()) {
            warnings.add(part + ": " + withoutAlt.size() + " image(s) have no alt text, first " + Text.shorten(withoutAlt.getFirst(), 100)
                    + ". Describe each in the brackets: ![what it shows](address).");
        }
        clean.outputSettings().prettyPrint(false);
        return new Result(clean.body().html(), warnings);
    }

    static ArticleRejectedException nestedTooDeeply(String part, int depth) {
        return new ArticleRejectedException(new Problem(part, "It nests quotes, lists or HTML " + depth
                + " levels deep; the most that can be rendered is " + MAX_DEPTH + ". Flatten it."));
    }

    /** Measured without recursion, since the point is to survive input that is deep. */
    private static int depthOf(Element root) {
        int[] deepest = {0};
        NodeTraversor.traverse((node, depth) -> deepest[0] = Math.max(deepest[0], depth), root);
        return deepest[0];
    }

    /** The article title is the page's only h1, so body headings start at h2. */
    private static void shiftHeadingsBelowTitle(Element body) {
        if (body.selectFirst("h1") == null) {
            return;
        }
        for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.tagName().charAt(1) - '0';
            heading.tagName("h" + Math.min(6, level + 1));
        }
    }
}
