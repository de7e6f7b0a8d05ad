package despatch.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.publish.Preview;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON a preview returns: the rendered parts and warnings, or the problems to fix. */
final class PreviewResponse {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PreviewResponse() {
    }

    static void write(Preview preview, OutputStream output) throws IOException {
        write(preview, null, output);
    }

    /** @param testSentTo how many staff addresses got a test send, or null when none was asked for */
    static void write(Preview preview, Integer testSentTo, OutputStream output) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accepted", preview.accepted());
        if (testSentTo != null) {
            json.put("testSentTo", testSentTo);
        }
        if (preview.accepted()) {
            json.put("slug", preview.slug());
            json.put("subject", preview.rendered().subject());
            json.put("preheader", preview.rendered().preheader());
            json.put("emailHtml", preview.rendered().emailHtml());
            json.put("emailText", preview.rendered().emailText());
            json.put("webHtml", preview.rendered().webHtml());
            json.put("warnings", preview.warnings());
        } else {
            json.put("problems", preview.problems().stream()
                    .map(problem -> Map.of("where", problem.where(), "message", problem.message())).toList());
        }
        MAPPER.writeValue(output, json);
    }
}
