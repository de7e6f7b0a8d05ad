package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.lambda.PreviewHandler;
import despatch.lambda.wiring.Setting;
import despatch.local.stack.ProjectRoot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The real PreviewHandler with the same events/ files that sam local invoke uses. */
class PreviewHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PreviewHandler handler = new PreviewHandler(TestStack.wiring(Setting.Function.PreviewFunction, Clock.systemUTC()));

    private JsonNode invoke(byte[] request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(request), out, null);
        return MAPPER.readTree(out.toByteArray());
    }

    private JsonNode invokeEvent(String file) throws IOException {
        return invoke(Files.readAllBytes(ProjectRoot.find().resolve("events").resolve(file)));
    }

    @Test
    void inlinePreviewFromTheEventsFolder() throws IOException {
        JsonNode preview = invokeEvent("preview.json");

        assertTrue(preview.get("accepted").asBoolean(), preview.toString());
        assertEquals("Surgery opening hours over Christmas", preview.get("subject").asText());
        assertEquals("Surgery opening hours over Christmas", Jsoup.parse(preview.get("webHtml").asText()).selectFirst("h1").text());
        assertTrue(preview.get("emailText").asText().contains("office’s out-of-hours line"));
        assertTrue(preview.get("emailHtml").asText().contains("{{unsubscribe_url}}"));
        assertTrue(preview.get("warnings").isArray());
    }

    @Test
    void previewOfAnUploadWritesNothing() throws IOException {
        JsonNode inline = MAPPER.readTree(Files.readAllBytes(ProjectRoot.find().resolve("events/preview.json")));
        TestStack.upload("articles/surgery-opening-hours.md", inline.get("body").asText());

        JsonNode preview = invokeEvent("preview-upload.json");

        assertTrue(preview.get("accepted").asBoolean(), preview.toString());
        assertEquals("surgery-opening-hours-over-christmas", preview.get("slug").asText());
        assertFalse(TestStack.exists("UPLOADS_BUCKET", "rendered/surgery-opening-hours-over-christmas/email.html"), "preview stores nothing");
    }

    @Test
    void rejectedArticleComesBackWithItsProblems() throws IOException {
        JsonNode preview = invoke("{\"fileName\":\"a.md\",\"body\":\"---\\nkind: leaflet\\n---\\nText\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(preview.get("accepted").asBoolean());
        assertEquals("front matter: kind", preview.get("problems").get(0).get("where").asText());
        assertTrue(preview.get("problems").get(0).get("message").asText().contains("newsletter or press-release"));
    }

    @Test
    void badRequestsAreExplained() throws IOException {
        assertTrue(invoke("not json".getBytes(StandardCharsets.UTF_8)).get("problems").get(0).get("message").asText().contains("not JSON"));
        assertTrue(invoke("{}".getBytes(StandardCharsets.UTF_8)).get("problems").get(0).get("message").asText().contains("fileName"));
        JsonNode imports = invoke("{\"key\":\"imports/subscribers.csv\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(imports.get("problems").get(0).get("message").asText().contains("Only uploads under articles/"),
                "subscriber imports are personal data and never previewed");
    }

    @Test
    void missingUploadIsAProblemNotACrash() throws IOException {
        JsonNode preview = invoke("{\"key\":\"articles/never-uploaded.md\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(preview.get("accepted").asBoolean(), preview.toString());
        assertTrue(preview.get("problems").get(0).get("message").asText().contains("No upload"), preview.toString());
    }
}
