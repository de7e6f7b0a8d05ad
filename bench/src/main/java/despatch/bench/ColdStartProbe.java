package despatch.bench;

import despatch.lambda.PreviewHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The child of {@link ColdStartMain}: does what a fresh Lambda container does for PreviewFunction
 * (no-argument constructor, then one request) and prints how long each step took, as one line.
 * Runs on the shaded jar, so class loading and static initialisation are those of the deployed artifact.
 */
public final class ColdStartProbe {
    static final String RESULT_PREFIX = "coldstart-probe";

    private ColdStartProbe() {
    }

    /** @param args the path of a preview request (JSON with inline content) */
    public static void main(String[] args) throws IOException {
        byte[] request = Files.readAllBytes(Path.of(args[0]));
        long mainEntered = System.currentTimeMillis();
        long start = System.nanoTime();
        PreviewHandler handler = new PreviewHandler();
        long constructed = System.nanoTime();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(request), response, null); // inline previews never use the Context
        long invoked = System.nanoTime();
        long done = System.currentTimeMillis();
        // Only now: loading java.management before the invocation would add to what we measure.
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        String json = response.toString(StandardCharsets.UTF_8);
        if (!json.contains("\"accepted\":true")) {
            System.err.println("preview was not accepted: " + json.substring(0, Math.min(json.length(), 2000)));
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "%s jvm-to-main-ms=%d construct-ms=%.1f invoke-ms=%.1f jvm-to-done-ms=%d response-bytes=%d%n",
                RESULT_PREFIX, mainEntered - jvmStart, (constructed - start) / 1e6, (invoked - constructed) / 1e6,
                done - jvmStart, response.size());
        System.exit(0); // do not wait for SDK threads: Lambda freezes the container instead of exiting
    }
}
