package despatch.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Word document's body as the Markdown an upload would have been: the title and headings from
 * Word's built-in styles (by their names, whatever the language of the Word that wrote them), bold
 * and italic, links, bulleted and numbered lists (nested), quotes, tables, line breaks; a field's
 * displayed text; the characters exactly as typed (smart quotes, dashes, non-breaking spaces).
 * Comments are never published and hidden text is dropped. Tracked changes are refused: which of
 * the two versions to publish is the author's call. Leading {@code key: value} paragraphs become
 * front matter, as if typed between {@code ---} lines.
 */
final class DocxMarkdown {
    private static final Set<String> TRACKED = Set.of("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
            "tblPrChange", "trPrChange", "tcPrChange", "numberingChange");
    private static final Pattern FRONT_MATTER_LINE = Pattern.compile("[a-z_]+: .*");
    private static final Pattern HEADING = Pattern.compile("heading ([1-6])");
    /** The start of a paragraph that Markdown would take for a list item or a rule ("1. ", "- ", "+ "), escaped. */
    private static final Pattern LIST_LIKE = Pattern.compile("^(\\d{1,9}(?=[.)])|[-+=])([.)]?)(?=\\s|$)");

    private final Map<String, String> styleNames = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<String, Map<Integer, String>> listFormats = new HashMap<>();
    private final Map<String, String> pictures = new HashMap<>();
    private final java.util.Set<String> linkedPictures = new java.util.HashSet<>();
    /** A lone picture's Markdown, to the front matter lines that would make it the hero image. */
    private final Map<String, String> heroCandidates = new HashMap<>();
    private final Problems problems = new Problems();
    private boolean hasTitle;

    /** The document as Markdown, and the pictures it shows by part name. */
    record Converted(String markdown, Map<String, byte[]> pictures) {
    }

    private DocxMarkdown() {
    }

    static Converted of(byte[] docx) throws ArticleRejectedException {
        DocxPackage document = DocxPackage.read(docx);
        DocxMarkdown markdown = new DocxMarkdown();
        markdown.readStyles(document.part("word/styles.xml"));
        markdown.readLinks(document.part("word/_rels/document.xml.rels"));
        markdown.readNumbering(document.part("word/numbering.xml"));
        DocxXml root = DocxXml.parse(document.part(DocxPackage.DOCUMENT), DocxPackage.DOCUMENT);
        if (root.contains(TRACKED)) {
            throw new ArticleRejectedException(new Problem("file", "This Word document has tracked changes. Accept or reject them"
                    + " (in Word: Review, then Accept, Accept All Changes), save it, and upload it again."));
        }
        DocxXml body = root.child("body").orElseThrow(() -> new ArticleRejectedException(new Problem("file",
                "This Word document has no body. Save it again as a Word Document (.docx) and upload that.")));
        String text = markdown.body(body);
        markdown.problems.throwIfAny();
        return new Converted(text, document.media());
    }

    private void readStyles(byte[] xml) throws ArticleRejectedException {
        if (xml == null) {
            return;
        }
        for (DocxXml style : DocxXml.parse(xml, "word/styles.xml").all("style")) {
            String name = style.value("name");
            if (name != null) {
                styleNames.put(style.attribute("styleId"), name.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Hyperlinks, and pictures stored in the document. A relationship to an image or template
     * elsewhere is never fetched, nor followed.
     */
    private void readLinks(byte[] xml) throws ArticleRejectedException {
        if (xml == null) {
            return;
        }
        for (DocxXml relationship : DocxXml.parse(xml, "word/_rels/document.xml.rels").all("Relationship")) {
            String type = relationship.attribute("Type");
            String id = relationship.attribute("Id");
            String target = relationship.attribute("Target");
            if (type == null || id == null || target == null) {
                continue;
            }
            if (type.endsWith("/hyperlink")) {
                links.put(id, target);
            } else if (type.endsWith("/image")) {
                if ("External".equalsIgnoreCase(relationship.attribute("TargetMode"))) {
                    linkedPictures.add(id);
                } else {
                    pictures.put(id, target.startsWith("/") ? target.substring(1) : "word/" + target);
                }
            }
        }
    }

    private void readNumbering(byte[] xml) throws ArticleRejectedException {
        if (xml == null) {
            return;
        }
        DocxXml numbering = DocxXml.parse(xml, "word/numbering.xml");
        Map<String, Map<Integer, String>> abstracts = new HashMap<>();
        for (DocxXml definition : numbering.all("abstractNum")) {
            Map<Integer, String> levels = new HashMap<>();
            for (DocxXml level : definition.all("lvl")) {
                levels.put(Integer.parseInt(level.attribute("ilvl")), level.value("numFmt"));
            }
            abstracts.put(definition.attribute("abstractNumId"), levels);
        }
        for (DocxXml num : numbering.all("num")) {
            listFormats.put(num.attribute("numId"), abstracts.getOrDefault(num.value("abstractNumId"), Map.of()));
        }
    }

    private String body(DocxXml body) {
        List<String> blocks = new ArrayList<>();
        hasTitle = body.elements().stream().anyMatch(element -> element.name().equals("p") && "title".equals(style(element)));
        List<String> lines = new ArrayList<>();
        for (DocxXml block : blocks(body)) {
            if (block.name().equals("tbl")) {
                flush(lines, blocks);
                blocks.add(table(block));
                continue;
            }
            String line = paragraph(block);
            if (line == null) {
                continue;
            }
            boolean listItem = line.startsWith("- ") || line.matches("(?s) *(- |1\\. ).*");
            if (!listItem) {
                flush(lines, blocks);
            }
            if (line.isBlank()) {
                continue;
            }
            lines.add(line);
            if (!listItem) {
                flush(lines, blocks);
            }
        }
        flush(lines, blocks);
        return frontMatter(blocks);
    }

    /** The body's paragraphs and tables in order, through content controls (Word's w:sdt), which hold ordinary content. */
    private static List<DocxXml> blocks(DocxXml container) {
        List<DocxXml> blocks = new ArrayList<>();
        for (DocxXml element : container.elements()) {
            switch (element.name()) {
                case "p", "tbl" -> blocks.add(element);
                case "sdt" -> element.child("sdtContent").ifPresent(content -> blocks.addAll(blocks(content)));
                default -> { }
            }
        }
        return blocks;
    }

    private static void flush(List<String> lines, List<String> blocks) {
        if (!lines.isEmpty()) {
            blocks.add(String.join("\n", lines));
            lines.clear();
        }
    }

    /**
     * Leading "key: value" paragraphs, such as "lists: newsletter", are front matter. A picture on
     * its own before the text (after the title, if any) is the article's hero image, as a press
     * officer puts the photograph at the top.
     */
    private String frontMatter(List<String> blocks) {
        int keys = 0;
        while (keys < blocks.size() && FRONT_MATTER_LINE.matcher(blocks.get(keys)).matches()) {
            keys++;
        }
        List<String> fields = new ArrayList<>(blocks.subList(0, keys).stream().map(DocxMarkdown::unescape).toList());
        List<String> rest = new ArrayList<>(blocks.subList(keys, blocks.size()));
        int first = !rest.isEmpty() && rest.getFirst().startsWith("# ") ? 1 : 0;
        boolean heroGiven = fields.stream().anyMatch(field -> field.startsWith("hero_image"));
        if (!heroGiven && rest.size() > first && heroCandidates.containsKey(rest.get(first))) {
            fields.add(heroCandidates.get(rest.remove(first)));
        }
        List<String> out = new ArrayList<>();
        if (!fields.isEmpty()) {
            out.add("---\n" + String.join("\n", fields) + "\n---");
        }
        out.addAll(rest);
        return String.join("\n\n", out) + "\n";
    }

    private static String unescape(String line) {
        return line.replaceAll("\\\\(.)", "$1");
    }

    private String style(DocxXml paragraph) {
        String id = paragraph.child("pPr").map(properties -> properties.value("pStyle")).orElse(null);
        return id == null ? null : styleNames.getOrDefault(id, id.toLowerCase(Locale.ROOT));
    }

    /** A paragraph as one Markdown line (or a few, joined by hard breaks); null for one with nothing to show. */
    private String paragraph(DocxXml paragraph) {
        String text = inline(paragraph).strip();
        String style = style(paragraph);
        if (text.isEmpty()) {
            return "";
        }
        if ("title".equals(style)) {
            return "# " + text;
        }
        if (style != null) {
            var heading = HEADING.matcher(style);
            if (heading.matches()) {
                int level = Integer.parseInt(heading.group(1)) + (hasTitle ? 1 : 0);
                return "#".repeat(Math.min(level, 6)) + " " + text;
            }
            if (style.equals("quote") || style.equals("intense quote")) {
                return "> " + text;
            }
        }
        text = LIST_LIKE.matcher(text).replaceFirst(start -> start.group(2).isEmpty()
                ? "\\\\" + start.group(1) : start.group(1) + "\\\\" + start.group(2));
        var numbering = paragraph.child("pPr").flatMap(properties -> properties.child("numPr"));
        if (numbering.isPresent()) {
            String numId = numbering.get().value("numId");
            int level = numbering.get().value("ilvl") == null ? 0 : Integer.parseInt(numbering.get().value("ilvl"));
            if (numId != null && !numId.equals("0")) {
                String format = listFormats.getOrDefault(numId, Map.of()).getOrDefault(level, "bullet");
                return "   ".repeat(level) + ("bullet".equals(format) || "none".equals(format) ? "- " : "1. ") + text;
            }
        }
        return text;
    }

    /** Runs, links and fields in order: the text as Word displays it, with bold and italic. */
    private String inline(DocxXml container) {
        StringBuilder out = new StringBuilder();
        boolean[] inFieldCode = {false};
        appendInline(container, out, inFieldCode);
        return out.toString();
    }

    private void appendInline(DocxXml container, StringBuilder out, boolean[] inFieldCode) {
        for (DocxXml element : container.elements()) {
            switch (element.name()) {
                case "r" -> appendRun(element, out, inFieldCode);
                case "hyperlink" -> {
                    StringBuilder text = new StringBuilder();
                    appendInline(element, text, inFieldCode);
                    String target = element.attribute("id") == null ? null : links.get(element.attribute("id"));
                    if (target != null && (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:"))) {
                        out.append('[').append(text).append("](").append(target.replace(")", "%29").replace(" ", "%20")).append(')');
                    } else {
                        out.append(text);
                    }
                }
                case "fldSimple", "smartTag", "customXml", "bdo", "dir" -> appendInline(element, out, inFieldCode);
                case "sdt" -> element.child("sdtContent").ifPresent(content -> appendInline(content, out, inFieldCode));
                default -> { }
            }
        }
    }

    /** One run: its text in its emphasis; hidden text dropped; a complex field's code skipped, its result kept. */
    private void appendRun(DocxXml run, StringBuilder out, boolean[] inFieldCode) {
        DocxXml properties = run.child("rPr").orElse(null);
        if (properties != null && properties.on("vanish")) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (DocxXml piece : run.elements()) {
            switch (piece.name()) {
                case "fldChar" -> {
                    String type = piece.attribute("fldCharType");
                    inFieldCode[0] = "begin".equals(type);
                }
                case "t" -> {
                    if (!inFieldCode[0]) {
                        text.append(escape(textOf(piece)));
                    }
                }
                case "tab" -> text.append(inFieldCode[0] ? "" : " ");
                case "br", "cr" -> text.append(inFieldCode[0] ? "" : "\\\n");
                case "noBreakHyphen" -> text.append('\u2011');
                case "drawing" -> text.append(inFieldCode[0] ? "" : picture(piece));
                // Word wraps a picture with effects in a choice of markup: the first choice is the picture as DrawingML.
                case "AlternateContent" -> piece.child("Choice").map(choice -> choice.descendants("drawing")).filter(found -> !found.isEmpty())
                        .ifPresent(found -> text.append(inFieldCode[0] ? "" : picture(found.getFirst())));
                case "pict" -> {
                    if (!piece.descendants("imagedata").isEmpty()) {
                        problems.add("file", "This Word document has a picture in an old format (VML) that cannot be published. In Word,"
                                + " cut the picture and paste it back (or use Insert, Pictures), save, and upload the document again.");
                    }
                }
                default -> { }
            }
        }
        if (text.isEmpty()) {
            return;
        }
        boolean bold = properties != null && properties.on("b");
        boolean italic = properties != null && properties.on("i");
        String marks = (bold ? "**" : "") + (italic ? "_" : "");
        if (marks.isEmpty() || text.toString().isBlank()) {
            out.append(text);
            return;
        }
        // Emphasis must hug the words: the run's own spaces go outside it.
        String inner = text.toString().strip();
        int lead = text.indexOf(inner);
        out.append(text, 0, lead).append(marks).append(inner).append(new StringBuilder(marks).reverse())
                .append(text, lead + inner.length(), text.length());
    }

    /**
     * A picture as a Markdown image pointing into the document, with the alt text Word keeps
     * ("Edit Alt Text": wp:docPr's descr, else its title) or Word's "Mark as decorative". A picture
     * linked from elsewhere is refused: it would have to be fetched. Shapes and charts are not
     * pictures and give nothing.
     */
    private String picture(DocxXml drawing) {
        List<DocxXml> blips = drawing.descendants("blip");
        if (blips.isEmpty()) {
            return "";
        }
        DocxXml blip = blips.getFirst();
        String part = blip.attribute("embed") == null ? null : pictures.get(blip.attribute("embed"));
        if (part == null) {
            if (blip.attribute("link") != null || linkedPictures.contains(blip.attribute("embed"))) {
                problems.add("file", "This Word document links to a picture stored elsewhere, which is never fetched. In Word, select the"
                        + " picture, then File, Info, Edit Links to Files, Break Link (or insert the picture itself), and upload it again.");
            }
            return "";
        }
        DocxXml properties = drawing.descendants("docPr").stream().findFirst().orElse(null);
        String alt = properties == null ? "" : firstNonBlank(properties.attribute("descr"), properties.attribute("title"));
        boolean decorative = properties != null && properties.descendants("decorative").stream()
                .anyMatch(mark -> !"0".equals(mark.attribute("val")) && !"false".equals(mark.attribute("val")));
        // One line of text: Word's line breaks, and control characters that neither YAML nor a page would take, become spaces.
        String oneLineAlt = alt.replaceAll("[\\s\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
        String markdown = "![" + (decorative ? "" : escape(oneLineAlt)) + "](<" + ImageRefs.IN_DOCUMENT_SCHEME + part.replace(">", "%3E")
                + ">" + (decorative ? " \"decorative\"" : "") + ")";
        if (!decorative && !oneLineAlt.isEmpty()) {
            heroCandidates.put(markdown, "hero_image: " + yamlString(ImageRefs.IN_DOCUMENT_SCHEME + part) + "\nhero_image_alt: "
                    + yamlString(oneLineAlt));
        }
        return markdown;
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second != null ? second : "";
    }

    /** A YAML double-quoted scalar: only the backslash, the quote and control characters need escaping. */
    private static String yamlString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String textOf(DocxXml element) {
        StringBuilder text = new StringBuilder();
        element.children().forEach(child -> {
            if (child instanceof String string) {
                text.append(string);
            }
        });
        return text.toString();
    }

    /** A table as a GFM table: the first row its header, each cell's paragraphs on one line. */
    private String table(DocxXml table) {
        List<List<String>> rows = new ArrayList<>();
        for (DocxXml row : table.all("tr")) {
            List<String> cells = new ArrayList<>();
            for (DocxXml cell : row.all("tc")) {
                List<String> paragraphs = new ArrayList<>();
                for (DocxXml paragraph : blocks(cell)) {
                    if (paragraph.name().equals("p")) {
                        String text = inline(paragraph).strip().replace("\\\n", " ");
                        if (!text.isEmpty()) {
                            paragraphs.add(text);
                        }
                    }
                }
                cells.add(String.join(" ", paragraphs).replace("|", "\\|"));
            }
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            return "";
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = new ArrayList<>(rows.get(i));
            while (cells.size() < width) {
                cells.add("");
            }
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
            if (i == 0) {
                out.append("|").append(" --- |".repeat(width)).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    /** Word's text as Markdown text: nothing in it is read as Markdown syntax. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
