package despatch.lambda.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The site queue's messages: {"slug": "…"} after an article changed, {"rebuild": true} for a full rebuild. */
public final class SiteMessage {
    public static final String REBUILD = "{\"rebuild\":true}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SiteMessage() {
    }

    public static String changed(String slug) {
        try {
            return MAPPER.writeValueAsString(Map.of("slug", slug));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings cannot fail to serialise", e);
        }
    }

    /** @return the changed article's slug, or null for a rebuild */
    public static String slugOf(String body) {
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json.path("rebuild").asBoolean(false)) {
                return null;
            }
            String slug = json.path("slug").asText("");
            if (slug.isEmpty()) {
                throw new IllegalArgumentException("A site message needs \"slug\" or \"rebuild\": true");
            }
            return slug;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A site message must be JSON, like {\"slug\": \"my-article\"} or {\"rebuild\": true}", e);
        }
    }
}
