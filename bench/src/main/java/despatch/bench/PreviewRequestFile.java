package despatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The request the cold-start child sends: events/preview.json when it previews inline content
 * (one events/ folder, shared with sam local invoke), else, or when asked, the benchmark's sample
 * article inline. A preview of an upload key would call S3, which the fake credentials cannot reach.
 *
 * @param description what was chosen, printed with the results
 */
record PreviewRequestFile(Path path, String description) {

    static PreviewRequestFile choose(RepoPaths paths, boolean sampleArticle) {
        Path event = paths.previewEvent();
        try {
            if (!sampleArticle && Files.isRegularFile(event)) {
                String json = Files.readString(event);
                if (json.contains("\"body\"") || json.contains("\"bodyBase64\"")) {
                    return new PreviewRequestFile(event, event + " (inline content)");
                }
            }
            Path file = Files.createTempFile("despatch-preview-", ".json");
            file.toFile().deleteOnExit();
            String body = new String(SampleArticle.bytes(), StandardCharsets.UTF_8);
            Files.writeString(file, "{\"fileName\":" + jsonString(SampleArticle.FILE_NAME) + ",\"body\":" + jsonString(body) + "}");
            String why = sampleArticle || !Files.isRegularFile(event) ? "" : event + " previews an upload key, so ";
            return new PreviewRequestFile(file, why + "the sample article inline (" + SampleArticle.FILE_NAME + ", "
                    + SampleArticle.words() + " words)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON string literal; non-ASCII stays as UTF-8, which JSON allows. */
    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
