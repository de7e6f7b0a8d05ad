package despatch.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Sanitised article HTML to the plain-text email part: blank lines between blocks, links
 * written out after their text, lines wrapped at 76 characters without breaking words or links.
 */
final class PlainTextFormatter {
    private static final int WIDTH = 76;

    private PlainTextFormatter() {
    }

    static String format(String html) {
        StringBuilder out = new StringBuilder();
        for (Element block : Jsoup.parseBodyFragment(html).body().children()) {
            appendBlock(block, out, "");
        }
        return out.toString().strip();
    }

    private static void appendBlock(Element block, StringBuilder out, String indent) {
        switch (block.tagName()) {
            case "h2", "h3", "h4", "h5", "h6" -> {
                String heading = inline(block);
                out.append(indent).append(heading).append('\n')
                        .append(indent).append("-".repeat(Math.min(WIDTH, heading.length()))).append("\n\n");
            }
            case "ul", "ol" -> {
                int number = 1;
                for (Element item : block.children()) {
                    String marker = block.tagName().equals("ol") ? (number++) + ". " : "- ";
                    out.append(wrap(inline(item), indent + marker, indent + " ".repeat(marker.length())));
                }
                out.append('\n');
            }
            case "blockquote" -> {
                for (Element child : block.children()) {
                    appendBlock(child, out, indent + "> ");
                }
                if (block.children().isEmpty()) {
                    out.append(wrap(inline(block), indent + "> ", indent + "> ")).append('\n');
                }
            }
            case "hr" -> out.append(indent).append("* * *\n\n");
            case "pre" -> out.append(block.wholeText().stripTrailing()).append("\n\n");
            case "table" -> {
                for (Element row : block.select("tr")) {
                    out.append(indent).append(String.join(" | ", row.children().eachText())).append('\n');
                }
                out.append('\n');
            }
            default -> {
                String text = inline(block);
                if (!text.isBlank()) {
                    out.append(wrap(text, indent, indent)).append('\n');
                }
            }
        }
    }

    /** The text of an element with line breaks kept and links written as "text (address)". */
    private static String inline(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.text());
            } else if (node instanceof Element child) {
                switch (child.tagName()) {
                    case "br" -> text.append('\n');
                    case "img" -> text.append(child.attr("alt").isBlank() ? "" : "[Image: " + child.attr("alt") + "]");
                    case "a" -> {
                        String label = inline(child);
                        String href = child.attr("href");
                        text.append(label);
                        if (!href.isEmpty() && !label.strip().equals(href) && !("mailto:" + label.strip()).equals(href)) {
                            text.append(" (").append(href).append(')');
                        }
                    }
                    default -> text.append(inline(child));
                }
            }
        }
        return text.toString();
    }

    private static String wrap(String text, String firstPrefix, String nextPrefix) {
        StringBuilder out = new StringBuilder();
        String prefix = firstPrefix;
        for (String hardLine : text.strip().split("\n")) {
            StringBuilder line = new StringBuilder(prefix);
            int lineStart = line.length();
            for (String word : hardLine.strip().split("\\s+")) {
                if (line.length() > lineStart && line.length() + 1 + word.length() > WIDTH) {
                    out.append(line).append('\n');
                    line = new StringBuilder(nextPrefix);
                    lineStart = line.length();
                }
                if (line.length() > lineStart) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.append(line).append('\n');
            prefix = nextPrefix;
        }
        return out.toString();
    }
}
