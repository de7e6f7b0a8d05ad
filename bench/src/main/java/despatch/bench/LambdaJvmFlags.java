package despatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM flags Lambda starts our functions with: JAVA_TOOL_OPTIONS from template.yaml's Globals
 * section. A line scan rather than a YAML parser, because the template's !Ref and !Sub tags need a
 * CloudFormation-aware loader and we want one scalar.
 *
 * @param source where the flags came from, printed so a reader knows what was measured
 */
record LambdaJvmFlags(String options, String source) {
    static final String FALLBACK = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    static LambdaJvmFlags read(Path template) {
        if (!Files.isRegularFile(template)) {
            return new LambdaJvmFlags(FALLBACK, "fallback: " + template + " not found");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean inGlobals = false;
        for (String line : lines) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                inGlobals = line.startsWith("Globals:"); // a top-level key starts or ends the section
            } else if (inGlobals && line.strip().startsWith("JAVA_TOOL_OPTIONS:")) {
                return new LambdaJvmFlags(scalar(line.strip().substring("JAVA_TOOL_OPTIONS:".length())),
                        "template.yaml Globals.Function.Environment.Variables.JAVA_TOOL_OPTIONS");
            }
        }
        return new LambdaJvmFlags(FALLBACK, "fallback: template.yaml's Globals set no JAVA_TOOL_OPTIONS");
    }

    List<String> asList() {
        return List.of(options.strip().split("\\s+"));
    }

    /** A one-line YAML scalar: drops a trailing comment and surrounding quotes. */
    private static String scalar(String raw) {
        String value = raw.strip();
        if (value.startsWith("\"") || value.startsWith("'")) {
            int close = value.indexOf(value.charAt(0), 1);
            return close < 0 ? value.substring(1) : value.substring(1, close);
        }
        int comment = value.indexOf(" #");
        return (comment < 0 ? value : value.substring(0, comment)).strip();
    }
}
