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
        Path folder = Files.createTempDirectory("despatch-writer-");
        Path source = folder.resolve("release.html");
        Files.writeString(source, html);
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
        String key = "articles/bridge-" + System.nanoTime() + ".docx";
        TestStack.upload(key, docx);
        PublishHandler publisher = new PublishHandler(StackWiring.publishingWithoutApproval(TestStack.get(), Clock.systemUTC()));

        List<Map<String, Object>> outcome = publisher.handleRequest(TestStack.events().objectCreated(TestStack.bucket("UPLOADS_BUCKET"), key,
                docx.length), null);

        assertEquals("published", outcome.getFirst().get("outcome"), outcome.toString());
        String slug = String.valueOf(outcome.getFirst().get("slug"));
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
}
