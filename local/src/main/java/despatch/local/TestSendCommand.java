package despatch.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.lambda.PreviewHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * {@code ./despatch test-send FILE}: the real PreviewHandler, asked for a test send, so the
 * office's staff addresses get the email exactly as subscribers would, its subject marked [TEST].
 */
final class TestSendCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSendCommand() {
    }

    static int run(Path file, Map<String, String> environment) throws IOException {
        byte[] request = JSON.writeValueAsBytes(Map.of("fileName", file.getFileName().toString(), "testSend", true,
                "bodyBase64", Base64.getEncoder().encodeToString(Files.readAllBytes(file))));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new PreviewHandler().handleRequest(new ByteArrayInputStream(request), output, null);
        JsonNode response = JSON.readTree(output.toByteArray());
        if (!response.path("accepted").asBoolean()) {
            System.out.println(file + " would be rejected, so nothing was sent:");
            response.path("problems").forEach(p -> System.out.println("  - " + p.path("where").asText() + ": " + p.path("message").asText()));
            return 1;
        }
        System.out.println("Test send of \"" + response.path("subject").asText() + "\" to " + response.path("testSentTo").asInt()
                + " staff address(es) (" + environment.getOrDefault("STAFF_ADDRESSES", "") + "), subject marked [TEST].");
        System.out.println("See it in the SES emulator: " + environment.get("AWS_ENDPOINT_URL_SESV2").replaceAll("/+$", "") + "/");
        return 0;
    }
}
