package despatch.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line, keyed by ids (upload key, slug), for CloudWatch Logs Insights.
 * Callers pass ids and counts only: never an email address, a token or a whole event.
 */
final class JsonLog {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final PrintStream out;

    JsonLog(PrintStream out) {
        this.out = out;
    }

    void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    void warn(String event, Map<String, ?> fields) {
        write("WARN", event, fields);
    }

    private void write(String level, String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        line.putAll(fields);
        try {
            out.println(MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            out.println("{\"level\":\"" + level + "\",\"event\":\"" + event + "\",\"logError\":\"unserialisable fields\"}");
        }
    }
}
