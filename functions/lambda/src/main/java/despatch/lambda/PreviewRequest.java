package despatch.lambda;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.article.Problem;
import despatch.publish.Preview;
import despatch.publish.PublishService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A preview request, or the problem with it. Only keys under articles/ may be previewed: the
 * uploads bucket also holds subscriber imports, which are personal data.
 */
/**
 * @param testSend also send the rendered email to the office's staff, marked as a test
 */
record PreviewRequest(String key, String fileName, byte[] body, Preview problem, boolean testSend) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USAGE = "Send {\"key\": \"articles/…\"} to preview an upload, or "
            + "{\"fileName\": \"article.md\", \"body\": \"…\"} to preview text (bodyBase64 for raw bytes); "
            + "add \"testSend\": true to email it to the staff addresses, marked as a test.";

    static PreviewRequest read(InputStream input) throws IOException {
        JsonNode json;
        try {
            json = MAPPER.readTree(input);
        } catch (JacksonException e) {
            return invalid("The request is not JSON. " + USAGE);
        }
        if (json == null || !json.isObject()) {
            return invalid(USAGE);
        }
        boolean testSend = json.path("testSend").asBoolean(false);
        String key = text(json, "key");
        String fileName = text(json, "fileName");
        if (key != null) {
            if (!key.startsWith(PublishService.ARTICLES_PREFIX)) {
                return invalid("Only uploads under " + PublishService.ARTICLES_PREFIX + " can be previewed; got '" + key + "'.");
            }
            return new PreviewRequest(key, null, null, null, testSend);
        }
        String body = text(json, "body");
        String base64 = text(json, "bodyBase64");
        if (fileName == null || body == null && base64 == null) {
            return invalid(USAGE);
        }
        try {
            byte[] bytes = body != null ? body.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(base64);
            return new PreviewRequest(null, fileName, bytes, null, testSend);
        } catch (IllegalArgumentException e) {
            return invalid("bodyBase64 is not valid Base64.");
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static PreviewRequest invalid(String message) {
        return new PreviewRequest(null, null, null, new Preview(null, null, List.of(), List.of(new Problem("request", message))), false);
    }
}
