package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.lambda.PreviewHandler;
import despatch.lambda.wiring.Setting;
import despatch.local.stack.CapturedEmail;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PreviewFunction's test send, through the real handler and the SES emulator. */
class TestSendTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void staffGetTheRealEmailMarkedAsATestAndNoSubscriberDoes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = new HashMap<>(TestStack.environment(Setting.Function.PreviewFunction));
        environment.put("STAFF_ADDRESSES", "press-" + run + "@example.org.uk, editor-" + run + "@example.org.uk");
        PreviewHandler handler = new PreviewHandler(
                despatch.local.StackWiring.of(TestStack.get(), environment, Setting.Function.PreviewFunction, Clock.systemUTC()));
        String request = JSON.writeValueAsString(Map.of("fileName", "fete.md", "testSend", true,
                "body", "---\ntitle: Summer fete " + run + "\nlists: [newsletter]\n---\nBring a cake.\n"));

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), output, null);

        JsonNode response = JSON.readTree(output.toByteArray());
        assertEquals(2, response.get("testSentTo").asInt(), response.toString());
        List<CapturedEmail> tests = TestStack.get().capturedEmails().stream()
                .filter(m -> m.subject().equals("[TEST] Summer fete " + run)).toList();
        assertEquals(2, tests.size());
        assertTrue(tests.stream().allMatch(m -> m.to().get(0).endsWith(run + "@example.org.uk")));
        assertTrue(tests.get(0).text().contains("Bring a cake."));
    }
}
