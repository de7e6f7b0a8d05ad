package despatch.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import despatch.article.Problem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code <key>.error.json} left beside a rejected upload: readable by a person and by a program. */
public final class RejectionReport {
    public static final String SUFFIX = ".error.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RejectionReport() {
    }

    public static String keyFor(String uploadKey) {
        return uploadKey + SUFFIX;
    }

    static String json(String uploadKey, List<Problem> problems, Instant at) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("upload", uploadKey);
        report.put("status", "rejected");
        report.put("rejectedAt", at.toString());
        report.put("problems", problems.stream().map(p -> Map.of("where", p.where(), "message", p.message())).toList());
        report.put("whatNext", "Nothing was published or sent. Fix the problems above and upload the file again "
                + "under the same name; this report is removed when the article is accepted.");
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report of plain maps cannot fail to serialise", e);
        }
    }
}
