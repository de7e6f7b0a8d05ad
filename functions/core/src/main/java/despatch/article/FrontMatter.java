package despatch.article;

import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Splits a leading YAML block (between "---" lines) from the article body. YAML 1.2 via
 * snakeyaml-engine: "no" stays a string and dates stay text, so we parse them ourselves.
 */
final class FrontMatter {
    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

    private FrontMatter() {
    }

    /** The front matter (empty when there is none) and the body after it. */
    record Split(Map<String, Object> fields, String body) {
    }

    static Split split(String original) throws ArticleRejectedException {
        // Editors leave blank lines above the block and spaces after the dashes; neither should
        // turn the front matter into visible text on the public page.
        String text = original.replaceFirst("^(?:[ \t]*\n)+", "").replaceFirst("^---[ \t]+\n", "---\n");
        if (!text.startsWith("---\n") && !text.equals("---")) {
            return new Split(Map.of(), original);
        }
        int end = closingLine(text);
        if (end < 0) {
            throw new ArticleRejectedException(new Problem("front matter",
                    "It starts with --- on line 1 but has no closing --- line. Add a line with just --- after the last key."));
        }
        String yaml = text.substring(4, end);
        int bodyStart = text.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        return new Split(parse(yaml), body);
    }

    private static int closingLine(String text) {
        int position = 3;
        while (position >= 0 && position < text.length()) {
            int lineStart = position + 1;
            int lineEnd = text.indexOf('\n', lineStart);
            String line = (lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd)).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            position = lineEnd;
        }
        return -1;
    }

    private static Map<String, Object> parse(String yaml) throws ArticleRejectedException {
        if (yaml.isBlank()) {
            return Map.of();
        }
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(10)
                .setCodePointLimit(MAX_FRONT_MATTER_CHARS)
                .setLabel("front matter")
                .build();
        Object loaded;
        try {
            loaded = new Load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 2).orElse(2);
            throw new ArticleRejectedException(new Problem("front matter, line " + line,
                    "Not valid YAML: " + e.getProblem() + ". Write each key as `key: value`, and put values with a colon in quotes."));
        } catch (YamlEngineException e) {
            throw new ArticleRejectedException(new Problem("front matter", "Not valid YAML: " + e.getMessage()));
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new ArticleRejectedException(new Problem("front matter",
                    "It must be a list of `key: value` lines, e.g. `title: Bus route saved`."));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            fields.put(String.valueOf(entry.getKey()), entry.getValue());
        }
        return fields;
    }
}
