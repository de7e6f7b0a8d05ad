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

    /** @param images where the upload's own images (not web addresses) are collected, each replaced by its placeholder */
    static Result sanitise(String html, String baseUrl, String part, ImageRefs images) throws ArticleRejectedException {
        Document dirty = Jsoup.parseBodyFragment(html, baseUrl);
        checkImages(dirty, part, images);
        Document clean = CLEANER.clean(dirty);
        List<String> warnings = new java.util.ArrayList<>();
        if (!CLEANER.isValid(dirty)) {
            warnings.add(part + ": some HTML was removed because it is not safe in a web page or email "
                    + "(scripts, event handlers, frames, forms, styles or javascript: links).");
        }
        int depth = depthOf(clean.body());
        if (depth > MAX_DEPTH) {
            throw nestedTooDeeply(part, depth);
        }
        shiftHeadingsBelowTitle(clean.body());
        clean.outputSettings().prettyPrint(false);
        return new Result(clean.body().html(), warnings);
    }

    /**
     * Every image says what it shows, or is marked decorative (title "decorative"; Word's "Mark as
     * decorative"), since a screen reader would otherwise read out "image" or the file's name. The
     * upload's own images are collected and pointed at their placeholders.
     */
    private static void checkImages(Document dirty, String part, ImageRefs images) throws ArticleRejectedException {
        if (images.takingDown()) {
            return;
        }
        Problems problems = new Problems();
        for (Element image : dirty.body().select("img")) {
            String src = image.attr("src").strip();
            boolean decorative = ImageRefs.isDecorativeTitle(image.attr("title"));
            if (src.regionMatches(true, 0, ImageRef.PLACEHOLDER_PREFIX, 0, ImageRef.PLACEHOLDER_PREFIX.length())) {
                problems.add(part, "The image " + Text.shorten(src, 100) + " is at an address no image can come from. Give the image's own"
                        + " https:// address, or its file name beside the article.");
                continue;
            }
            if (decorative) {
                image.removeAttr("title").attr("alt", "");
            } else if (image.attr("alt").isBlank()) {
                problems.add(part, src.startsWith(ImageRefs.IN_DOCUMENT_SCHEME) && images.fromDocument()
                        ? "A picture in the Word document (" + src.substring(src.lastIndexOf('/') + 1) + ") has no alt text. In Word, "
                                + "right-click the picture, choose Edit Alt Text, and describe what it shows for people who cannot see "
                                + "it (or tick Mark as decorative if it is only decoration); then save and upload the document again."
                        : "The image " + Text.shorten(src, 100) + " has no alt text. Describe what it shows for people who cannot see it,"
                                + " ![like this](photo.jpg), or if it is only decoration, mark it so: ![](photo.jpg \"decorative\").");
                continue;
            }
            if (!src.isEmpty() && images.isOwn(src)) {
                image.attr("src", images.add(src, image.attr("alt").strip(), decorative, part).placeholder());
            }
        }
        problems.throwIfAny();
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
