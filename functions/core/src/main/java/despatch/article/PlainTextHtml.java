package despatch.article;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Plain text to HTML: a paragraph per blank-line-separated block, line breaks inside a
 * paragraph kept (addresses, lists typed by hand), and bare web addresses made into links.
 */
final class PlainTextHtml {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’”]");

    private PlainTextHtml() {
    }

    static String toHtml(List<String> paragraphs) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : paragraphs) {
            html.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                html.append(linked(lines[i].strip()));
            }
            html.append("</p>\n");
        }
        return html.toString();
    }

    private static String linked(String line) {
        Matcher matcher = URL.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(Entities.escape(line.substring(last, matcher.start())));
            String url = Entities.escape(matcher.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = matcher.end();
        }
        return out.append(Entities.escape(line.substring(last))).toString();
    }
}
