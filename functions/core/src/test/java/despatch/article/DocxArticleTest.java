package despatch.article;

import static despatch.article.Docx.li;
import static despatch.article.Docx.p;
import static despatch.article.Docx.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.testing.TestOffice;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A Word document as an article: its structure and characters kept exactly, on the same path as
 * Markdown; and every hostile or unsuitable document refused with the reason.
 */
class DocxArticleTest {
    private final ArticleParser parser = new ArticleParser(TestOffice.office(), TestOffice.clock());

    private Article parse(byte[] docx) throws ArticleRejectedException {
        return parser.parse("bus-route.docx", docx).article();
    }

    private String refusal(String fileName, byte[] content) {
        ArticleRejectedException e = assertThrows(ArticleRejectedException.class, () -> parser.parse(fileName, content));
        return e.problems().toString();
    }

    @Test
    void structureAndCharactersAreKeptAsWordHasThem() throws Exception {
        String body = p(null, r("lists: newsletter"))
                + p("Teitl", r("Bus route 42 \u201csaved\u201d"))
                + p(null, r("The council\u2019s decision \u2013 announced today \u2013 keeps the 42 running.") + r("<w:b/>", " Every")
                        + r(" half hour, ") + r("<w:i/>", "from March") + r("."))
                + p(null, "<w:hyperlink r:id=\"rIdLink\">" + r("the timetable") + "</w:hyperlink>" + r(" is online.\u00a0Really."))
                + p("Pennawd1", r("What changes"))
                + li(1, 0, r("Monday to Saturday")) + li(1, 1, r("until 11pm")) + li(1, 0, r("Sundays too"))
                + li(2, 0, r("First step")) + li(2, 0, r("Second step"))
                + p("Dyfyniad", r("\u201cA lifeline for the valley.\u201d"))
                + "<w:tbl><w:tr><w:tc>" + p(null, r("Stop")) + "</w:tc><w:tc>" + p(null, r("Time")) + "</w:tc></w:tr>"
                + "<w:tr><w:tc>" + p(null, r("Pen-y-bryn")) + "</w:tc><w:tc>" + p(null, r("07:10 | 07:40")) + "</w:tc></w:tr></w:tbl>"
                + p(null, r("Line one") + "<w:r><w:br/></w:r>" + r("line two"))
                + p(null, r("Printed on ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> DATE \\@ \"d MMMM yyyy\" </w:instrText></w:r>"
                        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("5 December 2026") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
                + p(null, r("Kept") + r("<w:vanish/>", " SECRET NOTE") + "<w:commentRangeStart w:id=\"0\"/>" + r(" visible")
                        + "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>")
                + p(null, r("1. Not a list, *not bold* and &lt;b&gt;not HTML&lt;/b&gt;"));
        Article article = parse(new Docx(body).with("word/comments.xml", "<w:comments xmlns:w=\"" + Docx.W
                + "\"><w:comment w:id=\"0\"><w:p><w:r><w:t>Do not publish this comment</w:t></w:r></w:p></w:comment></w:comments>").bytes());

        assertEquals("Bus route 42 \u201csaved\u201d", article.title());
        assertEquals(List.of("newsletter"), article.lists(), "front matter from the key: value paragraph at the top");
        String html = article.bodyHtml();
        assertTrue(html.contains("The council\u2019s decision \u2013 announced today \u2013 keeps"), html);
        assertTrue(html.contains("<strong>Every</strong> half hour, <em>from March</em>."), html);
        assertTrue(html.contains("<a href=\"https://www.example.gov.uk/bus?route=42&amp;day=mon\"") && html.contains(">the timetable</a>"), html);
        assertTrue(html.contains("online.\u00a0Really") || html.contains("online.&nbsp;Really"), "the non-breaking space: " + html);
        assertTrue(html.contains("<h2>What changes</h2>"), "Heading 1 under a Title is the second level: " + html);
        assertTrue(html.replaceAll("\\s+", "").contains("<ul><li>MondaytoSaturday<ul><li>until11pm</li></ul></li><li>Sundaystoo</li></ul>"),
                "nested bullets: " + html);
        assertTrue(html.replaceAll("\\s+", "").contains("<ol><li>Firststep</li><li>Secondstep</li></ol>"), html);
        assertTrue(html.contains("<blockquote>") && html.contains("A lifeline for the valley."), html);
        assertTrue(html.contains("<table>") && html.contains("<th>Stop</th>") && html.contains("<td>07:10 | 07:40</td>"), html);
        assertTrue(html.contains("Line one<br") && html.contains("line two"), html);
        assertTrue(html.contains("Printed on 5 December 2026"), "a field's displayed text, not its code: " + html);
        assertFalse(html.contains("DATE"), html);
        assertTrue(html.contains("Kept visible"), html);
        assertFalse(html.contains("SECRET") || html.contains("comment"), "hidden text and comments are never published: " + html);
        assertTrue(html.contains("1. Not a list, *not bold* and &lt;b&gt;not HTML&lt;/b&gt;"), "Word's text is text, not Markdown: " + html);
    }

    @Test
    void trackedChangesAreRefusedWithHowToAcceptThem() {
        byte[] docx = new Docx(p("Teitl", r("Bus")) + "<w:p><w:ins w:id=\"1\" w:author=\"Pat\">" + r("added") + "</w:ins></w:p>").bytes();
        assertTrue(refusal("bus.docx", docx).contains("tracked changes") && refusal("bus.docx", docx).contains("Accept All Changes"));
    }

    @Test
    void whatIsNotAWordDocumentOrIsHostileIsRefusedAndNothingIsFetched() throws Exception {
        assertTrue(refusal("bus.docx", "Dear all, the bus...".getBytes()).contains("is not a Word document"));
        assertTrue(refusal("bus.docx", new Docx(p(null, r("x"))).with("word/vbaProject.bin", "macros").bytes()).contains("macros"));
        assertTrue(refusal("bus.docm", new Docx(p(null, r("x"))).bytes()).contains("macros"));
        assertTrue(refusal("bus.doc", new byte[] {(byte) 0xD0, (byte) 0xCF}).contains("Word's old format"));

        String entities = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\""
                + Docx.W + "\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        String xxe = refusal("bus.docx", new Docx("").with("word/document.xml", entities).bytes());
        assertTrue(xxe.contains("declares its own entities") || xxe.contains("not well-formed"), xxe);
        assertFalse(xxe.contains("root:"), "nothing of the file system");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 17; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertTrue(bomb.size() < 100_000, "small on the way in: " + bomb.size());
        assertTrue(refusal("bus.docx", bomb.toByteArray()).contains("unpacks to more than 16 MiB"));

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(many)) {
            for (int i = 0; i <= DocxPackage.MAX_PARTS; i++) {
                zip.putNextEntry(new ZipEntry("word/media/part" + i + ".xml"));
                zip.closeEntry();
            }
        }
        assertTrue(refusal("bus.docx", many.toByteArray()).contains("more than 2000 parts"));

        // The remote template its relationships name is neither fetched nor followed: the document reads as it is.
        assertEquals("Bus", parse(new Docx(p("Teitl", r("Bus")) + p(null, r("Text."))).bytes()).title());
    }

    /** The bytes do not matter to the parser: it only finds the pictures; checking them is the publish step's. */
    private static final byte[] PICTURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    @Test
    void aPictureAtTheTopIsTheHeroAndOneInTheTextStaysWhereItIs() throws Exception {
        String body = p("Teitl", r("Bus route 42 saved"))
                + p(null, Docx.picture("rIdPic1", "Jane Smith MP at the bus station", false))
                + p(null, r("The council kept the 42."))
                + p(null, r("The new timetable: ") + "<w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-"
                        + "compatibility/2006\"><mc:Choice Requires=\"wps\">" + Docx.picture("rIdPic2", "The timetable board", false)
                        .replace("<w:r>", "").replace("</w:r>", "") + "</mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r>")
                + p(null, Docx.picture("rIdPic3", null, true));
        ParsedArticle parsed = parser.parse("bus-route.docx", new Docx(body).withPicture("rIdPic1", "image1.jpeg", PICTURE)
                .withPicture("rIdPic2", "image2.png", PICTURE).withPicture("rIdPic3", "image3.png", PICTURE).bytes());

        List<ImageRef> images = parsed.images();
        assertEquals(3, images.size(), images.toString());
        assertEquals(new ImageRef(1, ImageRef.Origin.IN_DOCUMENT, "word/media/image1.jpeg", "Jane Smith MP at the bus station", false),
                images.get(0));
        assertEquals("The timetable board", images.get(1).alt());
        assertTrue(images.get(2).decorative(), "Word's Mark as decorative");
        Article article = parsed.article();
        assertEquals(images.get(0).placeholder(), article.heroImage().url(), "the picture before the text is the hero image");
        assertEquals("Jane Smith MP at the bus station", article.heroImage().alt());
        assertTrue(article.bodyHtml().contains("<img src=\"" + images.get(1).placeholder() + "\" alt=\"The timetable board\">"),
                article.bodyHtml());
        assertTrue(article.bodyHtml().contains("<img src=\"" + images.get(2).placeholder() + "\" alt=\"\">"), article.bodyHtml());
        assertTrue(parsed.inDocument().containsKey("word/media/image2.png"), parsed.inDocument().keySet().toString());
    }

    @Test
    void aPictureWithoutAltTextIsRefusedWithWhereToAddIt() {
        String body = p("Teitl", r("Bus route 42 saved")) + p(null, r("Text first.")) + p(null, Docx.picture("rIdPic1", null, false));
        String refusal = refusal("bus-route.docx", new Docx(body).withPicture("rIdPic1", "image1.png", PICTURE).bytes());
        assertTrue(refusal.contains("A picture in the Word document (image1.png) has no alt text. In Word, right-click the picture, choose"
                + " Edit Alt Text") && refusal.contains("Mark as decorative"), refusal);
    }

    @Test
    void aLinkedPictureIsNeverFetchedAndSaysHowToEmbedIt() {
        String body = p("Teitl", r("Bus route 42 saved")) + p(null, r("Text.")) + p(null, Docx.picture("rIdRemotePic", "A photo", false));
        byte[] docx = new Docx(body).with("word/_rels/document.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdRemotePic\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/image\" Target=\"https://attacker.example/track.png\" TargetMode=\"External\"/>"
                + "</Relationships>").bytes();
        String refusal = refusal("bus-route.docx", docx);
        assertTrue(refusal.contains("links to a picture stored elsewhere"), refusal);
    }
}
