package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.lambda.PublishHandler;
import despatch.lambda.wiring.Setting;
import despatch.local.StackWiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Word documents written by a real office suite (LibreOffice Writer, headless, from Debian), uploaded
 * under articles/ and published by the real PublishHandler against the local stack: the same article
 * on the page and in the email as if it had been written in Markdown.
 */
class RealWordDocumentsTest {

    /** The article as a press officer would write it in Writer, saved by Writer as a Word document. */
    private static byte[] writtenInWriter(String html) throws Exception {
        return savedByWriter("release.html", html);
    }

    /**
     * @param sourceName release.html, or release.fodt (Writer's own format, flat XML) for what HTML
     *     cannot say, such as a picture's alt text (its svg:desc, which Writer saves as Word's)
     */
    private static byte[] savedByWriter(String sourceName, String content) throws Exception {
        Path folder = Files.createTempDirectory("despatch-writer-");
        Path source = folder.resolve(sourceName);
        Files.writeString(source, content);
        Process writer = new ProcessBuilder("soffice", "--headless", "-env:UserInstallation=file://" + folder.resolve("profile"),
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder.toString(), source.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("soffice.log").toFile()).start();
        assertTrue(writer.waitFor(120, TimeUnit.SECONDS), "LibreOffice converted within two minutes");
        Path docx = folder.resolve("release.docx");
        assertTrue(Files.exists(docx), Files.readString(folder.resolve("soffice.log")));
        return Files.readAllBytes(docx);
    }

    @Test
    void aPressReleaseWrittenInAnOfficeSuiteIsPublishedWithItsStructureAndCharacters() throws Exception {
        byte[] docx = writtenInWriter("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body>
                <p>lists: press</p>
                <h1>Bridge funding “secured” – at last</h1>
                <p>FOR IMMEDIATE RELEASE</p>
                <p>The council’s decision keeps the bridge open <b>all year</b>, <i>from April</i>. See <a href="https://www.example.gov.uk/bridge?id=7&amp;y=2027">the plans</a>.</p>
                <h2>What happens next</h2>
                <ul><li>Surveys in January<ul><li>weekends only</li></ul></li><li>Works in spring</li></ul>
                <table><tr><th>Phase</th><th>When</th></tr><tr><td>Survey</td><td>January</td></tr></table>
                <p>ENDS</p>
                </body></html>
                """);
        String slug = publishedAs("bridge", docx);
        String page = TestStack.read("SITE_BUCKET", "articles/" + slug + "/index.html");
        assertTrue(page.contains("<h1>Bridge funding “secured” – at last</h1>"), page);
        assertTrue(page.contains("The council’s decision keeps the bridge open <strong>all year</strong>, <em>from April</em>."), page);
        assertTrue(page.contains("href=\"https://www.example.gov.uk/bridge?id=7&amp;y=2027\""), page);
        assertTrue(page.replaceAll("\\s+", "").contains("<li>SurveysinJanuary<ul><li>weekendsonly</li></ul></li>"), page);
        assertTrue(page.contains("<th>Phase</th>") && page.contains("<td>January</td>"), page);
        assertTrue(page.contains("class=\"ends\""), "ENDS, as in plain text: " + page);
        String email = TestStack.read("UPLOADS_BUCKET", "rendered/" + slug + "/email.txt");
        assertTrue(email.contains("Bridge funding “secured” – at last") && email.contains("- Surveys in January"), email);
    }

    /** Uploads the document under articles/ and runs the real PublishHandler on its event; returns the article's slug. */
    private static String publishedAs(String name, byte[] docx) {
        String key = "articles/" + name + "-" + System.nanoTime() + ".docx";
        TestStack.upload(key, docx);
        PublishHandler publisher = new PublishHandler(StackWiring.publishingWithoutApproval(TestStack.get(), Clock.systemUTC()));

        List<Map<String, Object>> outcome = publisher.handleRequest(TestStack.events().objectCreated(TestStack.bucket("UPLOADS_BUCKET"), key,
                docx.length), null);

        assertEquals("published", outcome.getFirst().get("outcome"), outcome.toString());
        return String.valueOf(outcome.getFirst().get("slug"));
    }

    /** A photograph as a phone leaves it (its camera and GPS position in Exif), inside a document made in Writer. */
    private static String pictureFrame(String name, String alt) throws Exception {
        String photo = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(
                despatch.local.stack.ProjectRoot.find().resolve("local/samples/swimming-pool-reopens.images/pool.jpg")));
        return "<draw:frame draw:name=\"" + name + "\" text:anchor-type=\"as-char\" svg:width=\"15cm\" svg:height=\"10cm\"><draw:image>"
                + "<office:binary-data>" + photo + "</office:binary-data></draw:image><svg:desc>" + alt + "</svg:desc></draw:frame>";
    }

    @Test
    void aNewsletterWithItsPhotographAndATableIsPublishedWithThePhotographCleanedAndSized() throws Exception {
        byte[] docx = savedByWriter("release.fodt", """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
                    xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                    office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
                <text:p>lists: newsletter</text:p>
                <text:h text:outline-level="1">The pool is “open” again</text:h>
                <text:p>%s</text:p>
                <text:p>The refit is finished – swim from Monday.</text:p>
                <table:table table:name="Hours"><table:table-column table:number-columns-repeated="2"/>
                <table:table-row><table:table-cell><text:p>Day</text:p></table:table-cell><table:table-cell><text:p>Hours</text:p></table:table-cell></table:table-row>
                <table:table-row><table:table-cell><text:p>Monday</text:p></table:table-cell><table:table-cell><text:p>6:30am – 9pm</text:p></table:table-cell></table:table-row>
                </table:table>
                <text:p>From the gallery: %s</text:p>
                </office:text></office:body></office:document>
                """.formatted(pictureFrame("Photo 1", "The refitted pool building, from the car park"),
                pictureFrame("Photo 2", "The same building, seen from the gallery")));
        String slug = publishedAs("pool", docx);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(TestStack.read("SITE_BUCKET", "articles/" + slug + "/index.html"));
        org.jsoup.nodes.Element hero = page.selectFirst("figure.hero img");
        assertEquals("The refitted pool building, from the car park", hero.attr("alt"), "Word's alt text, and the picture at the top is the hero");
        assertEquals(List.of("640", "427"), List.of(hero.attr("width"), hero.attr("height")));
        org.jsoup.nodes.Element inText = page.selectFirst(".body img");
        assertEquals("The same building, seen from the gallery", inText.attr("alt"));
        assertEquals("The refit is finished – swim from Monday.", page.selectFirst(".body p").text());
        assertEquals("6:30am – 9pm", page.select(".body table td").last().text());
        String card = page.selectFirst("meta[property=og:image]").attr("content");
        String site = TestStack.environment(despatch.lambda.wiring.Setting.Function.PublishFunction).get("SITE_BASE_URL").replaceAll("/*$", "/");
        for (String url : List.of(hero.attr("src"), inText.attr("src"), card)) {
            assertTrue(url.startsWith(site + "articles/" + slug + "/images/"), url);
            byte[] image = TestStack.get().s3().getObjectAsBytes(get -> get.bucket(TestStack.bucket("SITE_BUCKET"))
                    .key(url.substring(site.length()))).asByteArray();
            String text = new String(image, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertTrue(!text.contains("Exif") && !text.contains("SamplePhone"), "the phone's Exif (camera, GPS) is gone from " + url);
        }
        java.awt.image.BufferedImage cardImage = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(TestStack.get().s3()
                .getObjectAsBytes(get -> get.bucket(TestStack.bucket("SITE_BUCKET")).key(card.substring(site.length()))).asByteArray()));
        assertEquals(List.of(1200, 630), List.of(cardImage.getWidth(), cardImage.getHeight()), "the social card");
        String email = TestStack.read("UPLOADS_BUCKET", "rendered/" + slug + "/email.html");
        assertTrue(email.contains(hero.attr("src").replace("-640.jpg", "-1280.jpg")), "the email shows the sharp one at the site's address");
        String text = TestStack.read("UPLOADS_BUCKET", "rendered/" + slug + "/email.txt");
        assertTrue(text.contains("[Image: The same building, seen from the gallery]"), text);
    }
}
