package despatch.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A newsletter as a press officer saves it from Word: a title, about 2,000 words under headings,
 * a phone photograph at the top (the hero) and another in the text, each with its alt text. The
 * photographs are {@link PhonePhoto}s (12 megapixels, Exif with GPS, Display P3), two different files.
 */
final class WordNewsletter {
    static final String FILE_NAME = "leisure-centre-newsletter.docx";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String SENTENCE = "The leisure centre reopens on Monday after eighteen months of building work, with a new roof,"
            + " a learner pool for children’s lessons, changing rooms that everyone can use and longer opening hours at weekends. ";

    private WordNewsletter() {
    }

    static int words() {
        return 20 * 3 * SENTENCE.split("\\s+").length + 3;
    }

    static byte[] docx() {
        StringBuilder body = new StringBuilder(paragraph("Title", "Llanfair’s leisure centre reopens")).append(picture(1, "rIdPhoto1",
                "The refitted leisure centre from the car park, its new glass front catching the morning sun"));
        for (int section = 1; section <= 20; section++) {
            if (section % 5 == 1) {
                body.append(paragraph("Heading1", "Part " + (section / 5 + 1) + ": what changes"));
            }
            body.append(paragraph(null, SENTENCE.repeat(3)));
            if (section == 10) {
                body.append(picture(2, "rIdPhoto2", "Children in the new learner pool during the first lesson"));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
                    + "2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml."
                    + "document.main+xml\"/></Types>");
            part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            part(zip, "word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\">" + image("rIdPhoto1", "image1.jpeg") + image("rIdPhoto2", "image2.jpeg")
                    + "</Relationships>");
            part(zip, "word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles xmlns:w=\"" + W + "\"><w:style w:type=\"paragraph\""
                    + " w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name "
                    + "w:val=\"heading 1\"/></w:style></w:styles>");
            part(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W + "\" xmlns:r=\"http://"
                    + "schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" + body + "<w:sectPr/></w:body></w:document>");
            zip.putNextEntry(new ZipEntry("word/media/image1.jpeg"));
            zip.write(PhonePhoto.jpeg(1));
            zip.putNextEntry(new ZipEntry("word/media/image2.jpeg"));
            zip.write(PhonePhoto.jpeg(2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String paragraph(String style, String text) {
        return "<w:p>" + (style == null ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>") + "<w:r><w:t xml:space=\"preserve\">"
                + text + "</w:t></w:r></w:p>";
    }

    private static String picture(int id, String relationship, String alt) {
        return "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><wp:docPr"
                + " id=\"" + id + "\" name=\"Picture " + id + "\" descr=\"" + alt + "\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/"
                + "drawingml/2006/main\"><a:graphicData><pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                + "<pic:blipFill><a:blip r:embed=\"" + relationship + "\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline>"
                + "</w:drawing></w:r></w:p>";
    }

    private static String image(String id, String name) {
        return "<Relationship Id=\"" + id + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/"
                + name + "\"/>";
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
    }
}
