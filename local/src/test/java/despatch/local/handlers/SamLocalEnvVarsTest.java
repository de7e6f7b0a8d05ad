package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import despatch.local.stack.ProjectRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * events/env.json, the --env-vars file for `sam local invoke`: under sam local the stack is
 * "local" in account 123456789012, so the resources' names differ from the ones the sample events
 * carry and the handlers would ignore the events. It gives each function the names the sample
 * events use (the local stack's), and must follow the template as it changes.
 */
class SamLocalEnvVarsTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What each function's resolved environment holds that names a resource: not endpoints (ports vary) nor secrets. */
    private static Map<String, Map<String, String>> expected() {
        Map<String, Map<String, String>> byFunction = new TreeMap<>();
        for (String function : TestStack.get().template().functionIds()) {
            Map<String, String> names = new TreeMap<>();
            TestStack.get().environmentFor(function).forEach((name, value) -> {
                if (name.endsWith("_BUCKET") || name.endsWith("_TABLE")) {
                    names.put(name, value);
                }
            });
            if (!names.isEmpty()) {
                byFunction.put(function, names);
            }
        }
        return byFunction;
    }

    @Test
    void namesEveryFunctionsBucketsAndTablesAsTheSampleEventsDo() throws Exception {
        Path file = ProjectRoot.find().resolve("events/env.json");
        Map<String, Map<String, String>> expected = expected();
        Map<String, Map<String, String>> shipped = JSON.readValue(Files.readString(file), new TypeReference<TreeMap<String, Map<String, String>>>() { });
        assertEquals(expected, shipped, "events/env.json should be:\n" + JSON.writeValueAsString(expected));
        assertTrue(Files.readString(ProjectRoot.find().resolve("events/s3-put-article.json"))
                .contains("\"name\": \"" + expected.get("PublishFunction").get("UPLOADS_BUCKET") + "\""), "the sample upload's bucket");
    }

    @Test
    void theDeploymentDocsGiveEveryFunctionASampleEventThatExists() throws Exception {
        String docs = Files.readString(ProjectRoot.find().resolve("docs/deployment.md"));
        for (String function : TestStack.get().template().functionIds()) {
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\| " + function + " \\| (.*) \\|").matcher(docs);
            assertTrue(row.find(), function + " has no row in docs/deployment.md's sam local table");
            java.util.regex.Matcher file = java.util.regex.Pattern.compile("`([a-z0-9-]+\\.json)`").matcher(row.group(1));
            assertTrue(file.find(), function + ": no event named");
            do {
                assertTrue(Files.exists(ProjectRoot.find().resolve("events").resolve(file.group(1))), file.group(1));
            } while (file.find());
        }
    }
}
