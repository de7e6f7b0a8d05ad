package despatch.render;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Puts the body's styles inline on each element: Gmail and Outlook drop or mangle style blocks,
 * so an email's look has to travel on the elements themselves. The colours and fonts are those of
 * email/article.html, whose dark-mode block overrides them by tag where clients allow it.
 */
final class EmailBodyStyler {
    /** email/article.html's 600px column less the body cell's 32px padding each side. */
    static final int CONTENT_WIDTH = 536;

    private static final String FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
    private static final String TEXT = FONT + "color:#1b1b1b;";
    /** A body table cell's left and right padding together, which images in it must leave room for. */
    private static final int CELL_PADDING = 16;
    private static final String CELL = "border:1px solid #d4d4d4;padding:6px 8px;text-align:left;vertical-align:top;";
    private static final String CODE = "font-family:Consolas,Menlo,monospace;font-size:14px;";
    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("p", TEXT + "font-size:16px;line-height:26px;margin:0 0 16px 0;"),
            Map.entry("h2", TEXT + "font-size:22px;line-height:28px;font-weight:bold;margin:24px 0 12px 0;"),
            Map.entry("h3", TEXT + "font-size:19px;line-height:26px;font-weight:bold;margin:20px 0 10px 0;"),
            Map.entry("h4", TEXT + "font-size:17px;line-height:24px;font-weight:bold;margin:16px 0 8px 0;"),
            Map.entry("h5", TEXT + "font-size:16px;line-height:24px;font-weight:bold;margin:16px 0 8px 0;"),
            Map.entry("h6", TEXT + "font-size:16px;line-height:24px;font-weight:bold;margin:16px 0 8px 0;"),
            Map.entry("a", "color:#0b4f9c;text-decoration:underline;"),
            Map.entry("ul", TEXT + "font-size:16px;line-height:26px;margin:0 0 16px 0;padding:0 0 0 24px;"),
            Map.entry("ol", TEXT + "font-size:16px;line-height:26px;margin:0 0 16px 0;padding:0 0 0 24px;"),
            Map.entry("li", "margin:0 0 8px 0;"),
            Map.entry("dl", TEXT + "font-size:16px;line-height:26px;margin:0 0 16px 0;"),
            Map.entry("dt", "font-weight:bold;margin:0;"),
            Map.entry("dd", "margin:0 0 8px 24px;"),
            Map.entry("blockquote", TEXT + "font-size:16px;line-height:26px;margin:0 0 16px 0;padding:0 0 0 16px;"
                    + "border-left:4px solid #d4d4d4;font-style:italic;"),
            Map.entry("pre", TEXT + CODE + "line-height:20px;white-space:pre-wrap;word-wrap:break-word;margin:0 0 16px 0;"),
            Map.entry("code", CODE),
            Map.entry("table", TEXT + "font-size:15px;line-height:22px;border-collapse:collapse;margin:0 0 16px 0;"),
            Map.entry("caption", "font-weight:bold;text-align:left;padding:0 0 6px 0;"),
            Map.entry("th", CELL + "font-weight:bold;"),
            Map.entry("td", CELL),
            Map.entry("hr", "border:0;border-top:1px solid #d4d4d4;margin:24px 0;"),
            Map.entry("figure", "margin:0 0 16px 0;"),
            Map.entry("figcaption", FONT + "font-size:14px;line-height:20px;color:#575757;margin:4px 0 0 0;"),
            // Browsers' default yellow, made explicit so its text stays dark in both colour schemes.
            Map.entry("mark", "background-color:#fff3a3;color:#1b1b1b;"));

    private EmailBodyStyler() {
    }

    static String style(String bodyHtml) {
        Document document = Jsoup.parseBodyFragment(bodyHtml);
        for (Element element : document.body().getAllElements()) {
            String style = STYLES.get(element.tagName());
            if (style != null) {
                element.attr("style", style);
            }
            switch (element.tagName()) {
                case "img" -> sizeImage(element);
                // A grid with no header cells is read as layout by screen readers anyway; saying so keeps
                // "every table is either presentation or has headers" true of the whole email.
                case "table" -> {
                    if (element.select("th").stream().noneMatch(th -> th.closest("table") == element)) {
                        element.attr("role", "presentation");
                    }
                }
                default -> {
                }
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }

    /**
     * Outlook sizes images by the width attribute alone and ignores CSS width, so every image gets
     * one: its own when it fits the column, else the column's, with the height scaled to match or,
     * when unknown, left out so the picture keeps its shape. Other clients follow the CSS and shrink
     * it on narrow screens.
     */
    private static void sizeImage(Element image) {
        sharpestSource(image);
        int declared = pixels(image.attr("width"));
        int height = pixels(image.attr("height"));
        int room = roomFor(image);
        int width = declared > 0 && declared <= room ? declared : room;
        image.attr("width", Integer.toString(width));
        if (declared > 0 && height > 0) {
            image.attr("height", Integer.toString(Math.max(1, Math.round(height * (float) width / declared))));
        } else {
            image.removeAttr("height");
        }
        if (!image.hasAttr("alt")) {
            // The sanitiser has warned the press office; an empty alt at least stops screen readers reading the file name.
            image.attr("alt", "");
        }
        image.attr("style", "display:block;width:" + width + "px;max-width:100%;height:auto;border:0;outline:none;"
                + "text-decoration:none;" + TEXT + "font-size:14px;line-height:20px;");
    }

    /**
     * Few email clients read srcset, and those that do may strip it: the widest version (twice the
     * column's width for a processed photograph) goes in src, shown at the column's width.
     */
    private static void sharpestSource(Element image) {
        String srcset = image.attr("srcset").strip();
        if (!srcset.isEmpty()) {
            String[] candidates = srcset.split(",\\s+");
            String widest = candidates[candidates.length - 1].strip().split("\\s+")[0];
            image.attr("src", widest);
        }
        image.removeAttr("srcset").removeAttr("sizes");
    }

    /** The column, shared out among the cells of any table the image sits in, less their padding. */
    private static int roomFor(Element image) {
        List<Element> cells = image.parents().reversed().stream()
                .filter(ancestor -> ancestor.tagName().equals("td") || ancestor.tagName().equals("th")).toList();
        int room = CONTENT_WIDTH;
        for (Element cell : cells) {
            room = room / Math.max(1, cell.parent().childrenSize()) - CELL_PADDING;
        }
        return Math.max(room, 1);
    }

    /** A whole number of pixels ("320" or "320px"); anything else (a percentage, "auto") is 0. */
    private static int pixels(String value) {
        String digits = value.strip().toLowerCase(Locale.ROOT);
        if (digits.endsWith("px")) {
            digits = digits.substring(0, digits.length() - 2).strip();
        }
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Integer.parseInt(digits);
    }
}
