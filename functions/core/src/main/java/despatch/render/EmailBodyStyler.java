package despatch.render;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Puts the body's styles inline on each element: Gmail and Outlook drop or mangle style blocks,
 * so an email's look has to travel on the elements themselves.
 */
final class EmailBodyStyler {
    private static final String TEXT = "font-family:Arial,Helvetica,sans-serif;color:#1f2328;";
    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("p", TEXT + "font-size:16px;line-height:24px;margin:0 0 16px 0;"),
            Map.entry("h2", TEXT + "font-size:22px;line-height:28px;font-weight:bold;margin:24px 0 12px 0;"),
            Map.entry("h3", TEXT + "font-size:19px;line-height:26px;font-weight:bold;margin:20px 0 10px 0;"),
            Map.entry("h4", TEXT + "font-size:17px;line-height:24px;font-weight:bold;margin:16px 0 8px 0;"),
            Map.entry("h5", TEXT + "font-size:16px;line-height:24px;font-weight:bold;margin:16px 0 8px 0;"),
            Map.entry("h6", TEXT + "font-size:16px;line-height:24px;font-weight:bold;margin:16px 0 8px 0;"),
            Map.entry("a", "color:#0b57d0;text-decoration:underline;"),
            Map.entry("ul", TEXT + "font-size:16px;line-height:24px;margin:0 0 16px 0;padding:0 0 0 24px;"),
            Map.entry("ol", TEXT + "font-size:16px;line-height:24px;margin:0 0 16px 0;padding:0 0 0 24px;"),
            Map.entry("li", "margin:0 0 8px 0;"),
            Map.entry("blockquote", TEXT + "margin:0 0 16px 0;padding:0 0 0 16px;border-left:4px solid #d0d7de;font-style:italic;"),
            Map.entry("pre", "font-family:Consolas,Menlo,monospace;font-size:14px;line-height:20px;white-space:pre-wrap;margin:0 0 16px 0;"),
            Map.entry("code", "font-family:Consolas,Menlo,monospace;font-size:14px;"),
            Map.entry("table", TEXT + "border-collapse:collapse;margin:0 0 16px 0;font-size:15px;"),
            Map.entry("th", "border:1px solid #d0d7de;padding:6px 8px;text-align:left;font-weight:bold;"),
            Map.entry("td", "border:1px solid #d0d7de;padding:6px 8px;text-align:left;"),
            Map.entry("hr", "border:0;border-top:1px solid #d0d7de;margin:24px 0;"),
            Map.entry("img", "display:block;width:100%;max-width:560px;height:auto;border:0;"),
            Map.entry("figcaption", TEXT + "font-size:14px;line-height:20px;color:#57606a;margin:4px 0 16px 0;"));
    /** Outlook ignores max-width, so images carry the content column's width as an attribute. */
    private static final String IMAGE_WIDTH = "560";

    private EmailBodyStyler() {
    }

    static String style(String bodyHtml) {
        Document document = Jsoup.parseBodyFragment(bodyHtml);
        for (Element element : document.body().getAllElements()) {
            String style = STYLES.get(element.tagName());
            if (style != null) {
                element.attr("style", style);
            }
            if (element.tagName().equals("img")) {
                element.attr("width", IMAGE_WIDTH);
            }
        }
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
