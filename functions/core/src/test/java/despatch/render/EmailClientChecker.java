package despatch.render;

import despatch.common.Personalisation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Selector;

/**
 * Checks email HTML for what Gmail and Outlook break and what axe-core reports as serious: layout
 * that leans on a {@code <style>} block, images without a width attribute or alt, more than Gmail
 * shows before clipping, and text that is hard to read in the light or the dark colour scheme.
 *
 * <p>The light scheme is judged from inline styles alone (the document with every {@code <style>}
 * removed, as Gmail's non-Google-account apps and some Outlooks show it); the dark scheme applies the
 * {@code prefers-color-scheme: dark} rules on top, as Apple Mail and Outlook for Mac do. Colours a
 * client inverts by itself (the Gmail and Outlook apps) are not checked: nothing in the HTML decides them.
 */
public final class EmailClientChecker {
    /** Gmail hides everything past this many bytes of HTML, the unsubscribe link included. */
    public static final int GMAIL_CLIP_BYTES = 102 * 1024;
    /**
     * Room left for each per-recipient placeholder: the signed unsubscribe link that replaces
     * {@code {{unsubscribe_url}}} is about 150 bytes; this allows a long site address and escaping.
     */
    public static final int PERSONALISED_URL_BYTES = 512;
    /** The column width clients without media queries (Outlook) are held to. */
    static final int CONTAINER_WIDTH = 600;

    public enum Rule {
        SIZE, SCRIPT, FORM, EXTERNAL_CSS, POSITION, FLEX_OR_GRID, LANG, DIR, TITLE, DARK_MODE, STYLE_BLOCK,
        INLINE_STYLE, CONTAINER, LAYOUT_TABLE, IMG_WIDTH, IMG_ALT, IMG_STYLE, LINK_NAME, BUTTON, CONTRAST_LIGHT,
        CONTRAST_DARK
    }

    public record Finding(Rule rule, String detail) {
        @Override
        public String toString() {
            return rule + ": " + detail;
        }
    }

    /** Elements whose look must travel on their own {@code style} attribute. */
    private static final Set<String> LAYOUT_ELEMENTS = Set.of("body", "table", "td", "th", "p", "h1", "h2", "h3", "h4",
            "h5", "h6", "img", "ul", "ol", "blockquote", "pre", "figcaption", "a");
    private static final Set<String> FORM_ELEMENTS = Set.of("form", "input", "button", "select", "textarea");
    private static final Pattern POSITION = Pattern.compile("(^|[;{\\s])position\\s*:");
    private static final Pattern FLEX_OR_GRID = Pattern.compile("display\\s*:\\s*(inline-)?(flex|grid)");
    private static final Pattern PIXELS = Pattern.compile("(\\d+(?:\\.\\d+)?)px");
    private static final Pattern HEX = Pattern.compile("#([0-9a-f]{3}|[0-9a-f]{6})\\b");
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,\\s*([\\d.]+)\\s*)?\\)");
    private static final double NORMAL_TEXT_CONTRAST = 4.5;
    private static final double LARGE_TEXT_CONTRAST = 3.0;

    private EmailClientChecker() {
    }

    /** The bytes Gmail counts. */
    public static int bytes(String html) {
        return html.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The most the rendered HTML may be so that every recipient's copy stays under Gmail's clip. */
    public static int budget(String html) {
        int placeholders = html.split(Pattern.quote(Personalisation.UNSUBSCRIBE_URL), -1).length - 1;
        return GMAIL_CLIP_BYTES - placeholders * (PERSONALISED_URL_BYTES - Personalisation.UNSUBSCRIBE_URL.length());
    }

    public static List<Finding> check(String html) {
        List<Finding> findings = new ArrayList<>();
        Document document = Jsoup.parse(html);
        List<CssRule> rules = styleRules(document, findings);
        checkSize(html, findings);
        checkForbidden(document, findings);
        checkHead(document, rules, findings);
        checkStyleBlock(document, rules, findings);
        checkTables(document, findings);
        checkImages(document, findings);
        checkLinks(document, findings);
        Document inlineOnly = document.clone();
        inlineOnly.select("style").remove();
        checkInlineStyles(inlineOnly, findings);
        checkContrast(inlineOnly, List.of(), Rule.CONTRAST_LIGHT, findings);
        checkContrast(document, rules.stream().filter(CssRule::dark).toList(), Rule.CONTRAST_DARK, findings);
        return findings;
    }

    // ---- the rules ----------------------------------------------------------------------------

    private static void checkSize(String html, List<Finding> findings) {
        int bytes = bytes(html);
        int budget = budget(html);
        if (bytes > budget) {
            findings.add(new Finding(Rule.SIZE, bytes + " bytes; at most " + budget + " leaves room for the per-recipient "
                    + "unsubscribe link under Gmail's " + GMAIL_CLIP_BYTES + "-byte clip"));
        }
    }

    private static void checkForbidden(Document document, List<Finding> findings) {
        for (Element script : document.select("script")) {
            findings.add(new Finding(Rule.SCRIPT, snippet(script)));
        }
        for (Element element : document.getAllElements()) {
            if (FORM_ELEMENTS.contains(element.tagName())) {
                findings.add(new Finding(Rule.FORM, snippet(element)));
            }
            String css = element.attr("style").toLowerCase(Locale.ROOT);
            if (POSITION.matcher(css).find()) {
                findings.add(new Finding(Rule.POSITION, snippet(element)));
            }
            if (FLEX_OR_GRID.matcher(css).find()) {
                findings.add(new Finding(Rule.FLEX_OR_GRID, snippet(element)));
            }
        }
        for (Element link : document.select("link[rel~=(?i)stylesheet], link[href$=.css]")) {
            findings.add(new Finding(Rule.EXTERNAL_CSS, snippet(link)));
        }
        for (Element style : document.select("style")) {
            String css = style.data().toLowerCase(Locale.ROOT);
            if (css.contains("@import")) {
                findings.add(new Finding(Rule.EXTERNAL_CSS, "@import in a <style> block"));
            }
            if (POSITION.matcher(css).find()) {
                findings.add(new Finding(Rule.POSITION, "position in a <style> block"));
            }
            if (FLEX_OR_GRID.matcher(css).find()) {
                findings.add(new Finding(Rule.FLEX_OR_GRID, "flex or grid in a <style> block"));
            }
        }
    }

    private static void checkHead(Document document, List<CssRule> rules, List<Finding> findings) {
        Element root = document.selectFirst("html");
        if (root == null || root.attr("lang").isBlank()) {
            findings.add(new Finding(Rule.LANG, "<html> has no lang"));
        }
        if (root == null || !Set.of("ltr", "rtl").contains(root.attr("dir"))) {
            findings.add(new Finding(Rule.DIR, "<html> has no dir=\"ltr\" or dir=\"rtl\""));
        }
        if (document.title().isBlank()) {
            findings.add(new Finding(Rule.TITLE, "no <title>, or an empty one"));
        }
        if (rules.stream().noneMatch(CssRule::dark)) {
            findings.add(new Finding(Rule.DARK_MODE, "no @media (prefers-color-scheme: dark) rules"));
        }
        for (String name : List.of("color-scheme", "supported-color-schemes")) {
            Element meta = document.selectFirst("meta[name=" + name + "]");
            if (meta == null || !meta.attr("content").contains("light") || !meta.attr("content").contains("dark")) {
                findings.add(new Finding(Rule.DARK_MODE, "no <meta name=\"" + name + "\" content=\"light dark\">"));
            }
        }
    }

    /**
     * A {@code <style>} block may only enhance: rules inside {@code @media} (dark mode, narrow
     * screens) and rules on tags or {@code :root}. A class or id rule outside a media query is layout
     * that a client dropping the block would lose, and an element a rule names must still have a look
     * of its own.
     */
    private static void checkStyleBlock(Document document, List<CssRule> rules, List<Finding> findings) {
        for (CssRule rule : rules) {
            if (rule.media() == null && (rule.selector().contains(".") || rule.selector().contains("#"))) {
                findings.add(new Finding(Rule.STYLE_BLOCK, "'" + rule.selector() + "' styles by class or id outside a media query"));
            }
        }
        for (Element element : document.select("[class], [id]")) {
            if (!element.tagName().equals("html") && element.attr("style").isBlank()) {
                findings.add(new Finding(Rule.INLINE_STYLE, "has a class or id but no inline style: " + snippet(element)));
            }
        }
    }

    private static void checkTables(Document document, List<Finding> findings) {
        boolean container = false;
        for (Element table : document.select("table")) {
            // Only the table's own cells count: the layout tables around an article hold its data tables.
            boolean headed = table.select("th, caption").stream().anyMatch(cell -> cell.parent() != null
                    && cell.parent().closest("table") == table);
            boolean presentation = table.attr("role").equals("presentation");
            if (!headed && !presentation) {
                findings.add(new Finding(Rule.LAYOUT_TABLE, "a table without header cells needs role=\"presentation\": " + snippet(table)));
            }
            if (headed && presentation) {
                findings.add(new Finding(Rule.LAYOUT_TABLE, "a role=\"presentation\" table has header cells: " + snippet(table)));
            }
            Map<String, String> style = inline(table);
            container |= table.attr("width").equals(Integer.toString(CONTAINER_WIDTH))
                    && (CONTAINER_WIDTH + "px").equals(style.get("max-width"));
        }
        if (!container) {
            findings.add(new Finding(Rule.CONTAINER, "no table with width=\"" + CONTAINER_WIDTH + "\" and max-width:" + CONTAINER_WIDTH
                    + "px to hold the column in Outlook and on phones"));
        }
    }

    private static void checkImages(Document document, List<Finding> findings) {
        for (Element image : document.select("img")) {
            String width = image.attr("width");
            int room = roomFor(image);
            if (!width.matches("\\d{1,4}") || Integer.parseInt(width) == 0 || Integer.parseInt(width) > room) {
                findings.add(new Finding(Rule.IMG_WIDTH, "needs a width attribute in pixels, at most the " + room
                        + "px its cells leave in the " + CONTAINER_WIDTH + "px column: " + snippet(image)));
            }
            if (!image.hasAttr("alt")) {
                findings.add(new Finding(Rule.IMG_ALT, "no alt attribute: " + snippet(image)));
            }
            Map<String, String> style = inline(image);
            boolean fluid = "100%".equals(style.get("max-width")) || "100%".equals(style.get("width"));
            if (!fluid || !"auto".equals(style.get("height")) || !"block".equals(style.get("display"))) {
                findings.add(new Finding(Rule.IMG_STYLE, "needs display:block, max-width:100% (or width:100%) and height:auto: "
                        + snippet(image)));
            }
        }
    }

    /**
     * Outlook lays a too-wide image out at its full width attribute and pushes the column wider, so
     * an image may be at most the column less the padding of the cells it sits in.
     */
    private static int roomFor(Element image) {
        int room = CONTAINER_WIDTH;
        for (Element at = image.parent(); at != null; at = at.parent()) {
            if (at.tagName().equals("table") && at.attr("width").equals(Integer.toString(CONTAINER_WIDTH))) {
                return room;
            }
            if (at.tagName().equals("td") || at.tagName().equals("th")) {
                room -= horizontalPadding(inline(at));
            }
        }
        return room;
    }

    private static int horizontalPadding(Map<String, String> style) {
        int left = 0;
        int right = 0;
        String shorthand = style.get("padding");
        if (shorthand != null) {
            String[] sides = shorthand.split("\\s+");
            right = px(sides.length > 1 ? sides[1] : sides[0]);
            left = px(sides.length > 3 ? sides[3] : sides.length > 1 ? sides[1] : sides[0]);
        }
        left = style.containsKey("padding-left") ? px(style.get("padding-left")) : left;
        right = style.containsKey("padding-right") ? px(style.get("padding-right")) : right;
        return left + right;
    }

    private static int px(String value) {
        Matcher matcher = PIXELS.matcher(value);
        return matcher.find() ? (int) Double.parseDouble(matcher.group(1)) : 0;
    }

    /**
     * Every link needs a name a screen reader can say; a link styled as a button (the only link in a
     * coloured cell, or an inline-block with a background) carries its own padding, fill and colour so
     * the whole button shows and is clickable without the style block.
     */
    private static void checkLinks(Document document, List<Finding> findings) {
        for (Element link : document.select("a[href]")) {
            boolean named = !visibleText(link.text()).isEmpty() || !link.attr("aria-label").isBlank()
                    || link.select("img").stream().anyMatch(image -> !image.attr("alt").isBlank());
            if (!named) {
                findings.add(new Finding(Rule.LINK_NAME, "a link with no text and no image alt: " + snippet(link)));
            }
            Element cell = link.parent();
            Map<String, String> style = inline(link);
            boolean inCell = cell != null && cell.tagName().equals("td") && cell.childrenSize() == 1
                    && visibleText(cell.ownText()).isEmpty() && inline(cell).containsKey("background-color");
            boolean button = inCell || "inline-block".equals(style.get("display")) && style.containsKey("background-color");
            if (button) {
                for (String property : List.of("padding", "background-color", "color", "text-decoration")) {
                    if (!style.containsKey(property)) {
                        findings.add(new Finding(Rule.BUTTON, "a button link needs inline " + property + ": " + snippet(link)));
                    }
                }
            }
        }
    }

    private static void checkInlineStyles(Document inlineOnly, List<Finding> findings) {
        for (Element element : inlineOnly.getAllElements()) {
            if (LAYOUT_ELEMENTS.contains(element.tagName()) && element.attr("style").isBlank()) {
                findings.add(new Finding(Rule.INLINE_STYLE, "no inline style: " + snippet(element)));
            }
        }
        for (Element element : textElements(inlineOnly)) {
            for (String property : List.of("color", "font-family", "font-size")) {
                if (resolve(element, property, Map.of()).isEmpty()) {
                    findings.add(new Finding(Rule.INLINE_STYLE, "text with no inline " + property + " on it or around it: "
                            + snippet(element)));
                }
            }
        }
    }

    /** WCAG AA, as axe-core's color-contrast rule applies it: 4.5:1, or 3:1 for large text. */
    private static void checkContrast(Document document, List<CssRule> scheme, Rule rule, List<Finding> findings) {
        Map<Element, List<Applied>> applied = apply(document, scheme, findings);
        for (Element element : textElements(document)) {
            Optional<double[]> foreground = resolve(element, "color", applied).flatMap(EmailClientChecker::colour);
            Optional<double[]> background = background(element, applied);
            if (foreground.isEmpty()) {
                // Without a colour of its own the client's default (black) shows; INLINE_STYLE reports it.
                foreground = Optional.of(new double[] {0, 0, 0});
            }
            double ratio = contrast(foreground.get(), background.orElse(new double[] {255, 255, 255}));
            double needed = large(element, applied) ? LARGE_TEXT_CONTRAST : NORMAL_TEXT_CONTRAST;
            if (ratio < needed) {
                findings.add(new Finding(rule, String.format(Locale.ROOT, "%.2f:1, needs %.1f:1: %s", ratio, needed, snippet(element))));
            }
        }
    }

    // ---- styles -------------------------------------------------------------------------------

    /** One selector of a {@code <style>} rule; {@code media} is null outside a media query. */
    private record CssRule(String media, String selector, Map<String, String> declarations, Set<String> important, int order) {
        boolean dark() {
            return media != null && media.contains("prefers-color-scheme") && media.contains("dark");
        }
    }

    /** A style rule matched to an element, ranked by CSS specificity and then source order. */
    private record Applied(int specificity, int order, Map<String, String> declarations, Set<String> important) {
    }

    private static List<CssRule> styleRules(Document document, List<Finding> findings) {
        List<CssRule> rules = new ArrayList<>();
        for (Element style : document.select("style")) {
            String css = style.data().replaceAll("(?s)/\\*.*?\\*/", "");
            parseBlock(css, null, rules, findings);
        }
        return rules;
    }

    private static void parseBlock(String css, String media, List<CssRule> rules, List<Finding> findings) {
        int at = 0;
        while (at < css.length()) {
            int open = css.indexOf('{', at);
            if (open < 0) {
                break;
            }
            int close = matching(css, open);
            String prelude = css.substring(at, open).strip().toLowerCase(Locale.ROOT);
            String body = css.substring(open + 1, close);
            if (prelude.startsWith("@media")) {
                parseBlock(body, prelude.replaceAll("\\s+", ""), rules, findings);
            } else if (prelude.startsWith("@")) {
                findings.add(new Finding(Rule.STYLE_BLOCK, "'" + prelude + "' is not something email clients keep"));
            } else {
                Map<String, String> declarations = new HashMap<>();
                Set<String> important = new HashSet<>();
                declarations(body, declarations, important);
                for (String selector : prelude.split(",")) {
                    rules.add(new CssRule(media, selector.strip(), declarations, important, rules.size()));
                }
            }
            at = close + 1;
        }
    }

    private static int matching(String css, int open) {
        int depth = 0;
        for (int i = open; i < css.length(); i++) {
            if (css.charAt(i) == '{') {
                depth++;
            } else if (css.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return css.length() - 1;
    }

    private static void declarations(String css, Map<String, String> into, Set<String> important) {
        for (String declaration : css.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (value.endsWith("!important")) {
                value = value.substring(0, value.length() - "!important".length()).strip();
                important.add(property);
            }
            into.put(property, value);
        }
    }

    private static Map<String, String> inline(Element element) {
        Map<String, String> style = new HashMap<>();
        declarations(element.attr("style"), style, new HashSet<>());
        return style;
    }

    private static Map<Element, List<Applied>> apply(Document document, List<CssRule> rules, List<Finding> findings) {
        Map<Element, List<Applied>> applied = new HashMap<>();
        for (CssRule rule : rules) {
            List<Element> matched;
            try {
                matched = document.select(rule.selector());
            } catch (Selector.SelectorParseException e) {
                findings.add(new Finding(Rule.STYLE_BLOCK, "cannot check selector '" + rule.selector() + "'"));
                continue;
            }
            Applied one = new Applied(specificity(rule.selector()), rule.order(), rule.declarations(), rule.important());
            for (Element element : matched) {
                applied.computeIfAbsent(element, e -> new ArrayList<>()).add(one);
            }
        }
        applied.values().forEach(list -> list.sort(Comparator.comparingInt(Applied::specificity).thenComparingInt(Applied::order)
                .reversed()));
        return applied;
    }

    /** Ids, then classes, attributes and pseudo-classes, then tags, packed into one comparable number. */
    private static int specificity(String selector) {
        String rest = selector;
        int ids = count(rest, "#[\\w-]+");
        rest = rest.replaceAll("#[\\w-]+", " ");
        int classes = count(rest, "\\.[\\w-]+|\\[[^]]*]|(?<!:):[\\w-]+");
        rest = rest.replaceAll("\\.[\\w-]+|\\[[^]]*]|::?[\\w-]+", " ");
        int tags = count(rest, "[a-zA-Z][\\w-]*");
        return ids * 10_000 + classes * 100 + tags;
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    /** The value an element shows: an !important rule beats inline style, which beats a plain rule. */
    private static Optional<String> declared(Element element, String property, Map<Element, List<Applied>> applied) {
        List<Applied> rules = applied.getOrDefault(element, List.of());
        for (Applied rule : rules) {
            if (rule.important().contains(property) && rule.declarations().containsKey(property)) {
                return Optional.of(rule.declarations().get(property));
            }
        }
        String inline = inline(element).get(property);
        if (inline != null) {
            return Optional.of(inline);
        }
        return rules.stream().filter(rule -> rule.declarations().containsKey(property)).findFirst()
                .map(rule -> rule.declarations().get(property));
    }

    /** For inherited properties: the element's own value or its nearest ancestor's. */
    private static Optional<String> resolve(Element element, String property, Map<Element, List<Applied>> applied) {
        for (Element at = element; at != null; at = at.parent()) {
            Optional<String> value = declared(at, property, applied);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** The colour behind the text: the nearest opaque background on the element or around it. */
    private static Optional<double[]> background(Element element, Map<Element, List<Applied>> applied) {
        for (Element at = element; at != null; at = at.parent()) {
            Element here = at;
            Optional<double[]> colour = declared(here, "background-color", applied)
                    .or(() -> declared(here, "background", applied))
                    .or(() -> here.hasAttr("bgcolor") ? Optional.of(here.attr("bgcolor")) : Optional.empty())
                    .flatMap(EmailClientChecker::colour);
            if (colour.isPresent()) {
                return colour;
            }
        }
        return Optional.empty();
    }

    private static boolean large(Element element, Map<Element, List<Applied>> applied) {
        double size = resolve(element, "font-size", applied).map(PIXELS::matcher).filter(Matcher::find)
                .map(m -> Double.parseDouble(m.group(1))).orElse(16.0);
        String weight = resolve(element, "font-weight", applied).orElse("normal");
        boolean bold = weight.equals("bold") || weight.matches("[6-9]00");
        return size >= 24 || bold && size >= 18.66;
    }

    // ---- colour -------------------------------------------------------------------------------

    private static Optional<double[]> colour(String css) {
        String value = css.toLowerCase(Locale.ROOT);
        Matcher hex = HEX.matcher(value);
        if (hex.find()) {
            String digits = hex.group(1);
            if (digits.length() == 3) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2) + digits.charAt(2);
            }
            int rgb = Integer.parseInt(digits, 16);
            return Optional.of(new double[] {rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff});
        }
        Matcher rgb = RGB.matcher(value);
        if (rgb.find() && (rgb.group(4) == null || Double.parseDouble(rgb.group(4)) >= 1)) {
            return Optional.of(new double[] {Integer.parseInt(rgb.group(1)), Integer.parseInt(rgb.group(2)), Integer.parseInt(rgb.group(3))});
        }
        return switch (value.strip()) {
            case "white" -> Optional.of(new double[] {255, 255, 255});
            case "black" -> Optional.of(new double[] {0, 0, 0});
            default -> Optional.empty();
        };
    }

    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = rgb[i] / 255;
            linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    // ---- text ---------------------------------------------------------------------------------

    /** Elements that hold readable text themselves, leaving out hidden preheaders and spacers. */
    private static List<Element> textElements(Document document) {
        List<Element> elements = new ArrayList<>();
        Element body = document.body();
        for (Element element : body.getAllElements()) {
            boolean hasText = element.textNodes().stream().map(TextNode::text).anyMatch(text -> !visibleText(text).isEmpty());
            if (hasText && !hidden(element)) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static boolean hidden(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            Map<String, String> style = inline(at);
            if ("none".equals(style.get("display")) || "0".equals(style.get("font-size")) || "0px".equals(style.get("font-size"))) {
                return true;
            }
        }
        return false;
    }

    /** Text less the invisible characters preheader spacers and empty cells are made of. */
    private static String visibleText(String text) {
        return text.replaceAll("[\\s\\u00a0\\u200b\\u200c\\u200d\\u034f\\ufeff]", "");
    }

    private static String snippet(Element element) {
        String html = element.outerHtml().replaceAll("\\s+", " ");
        return html.length() <= 160 ? html : html.substring(0, 157) + "...";
    }
}
