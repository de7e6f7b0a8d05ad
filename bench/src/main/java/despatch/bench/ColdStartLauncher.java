package despatch.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts one fresh JVM running {@link ColdStartProbe} on the shaded jar, with Lambda's flags, and times it. */
final class ColdStartLauncher {
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern RESULT = Pattern.compile(ColdStartProbe.RESULT_PREFIX
            + " jvm-to-main-ms=(\\d+) construct-ms=([\\d.]+) invoke-ms=([\\d.]+) jvm-to-done-ms=(\\d+)");

    /**
     * @param wallMs parent's view: just before start() to exit, so it includes JVM teardown Lambda never pays
     * @param jvmToDoneMs child's view: JVM start to the completed invocation, the part a user waits for
     */
    record Run(double wallMs, long jvmToMainMs, double constructMs, double invokeMs, long jvmToDoneMs) {
    }

    private final List<String> command;
    private final Map<String, String> environment;

    ColdStartLauncher(String java, RepoPaths paths, LambdaJvmFlags flags, Path request) {
        // The shaded jar first: the deployed artifact's classes and resources win over anything in bench.
        String classpath = paths.shadedJar() + File.pathSeparator + paths.benchClasses();
        this.command = List.of(java, "-cp", classpath, ColdStartProbe.class.getName(), request.toString());
        this.environment = lambdaEnvironment(flags);
    }

    /**
     * Only what a Lambda container would have: the function's settings, a region and credentials
     * (fake: an inline preview never calls AWS), and the flags in JAVA_TOOL_OPTIONS, which is how
     * Lambda passes them. Nothing inherited, so a developer's AWS_PROFILE cannot change the result.
     */
    private static Map<String, String> lambdaEnvironment(LambdaJvmFlags flags) {
        Map<String, String> env = new HashMap<>(SampleOffice.previewFunctionEnvironment());
        env.put("JAVA_TOOL_OPTIONS", flags.options());
        env.put("AWS_REGION", "eu-west-2");
        env.put("AWS_DEFAULT_REGION", "eu-west-2");
        env.put("AWS_ACCESS_KEY_ID", "AKIDBENCHFAKE");
        env.put("AWS_SECRET_ACCESS_KEY", "bench-fake-secret");
        env.put("AWS_SESSION_TOKEN", "bench-fake-token");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        return env;
    }

    Run run() throws IOException, InterruptedException {
        Path log = Files.createTempFile("despatch-coldstart-", ".log");
        try {
            // Output to a file, not a pipe: no reader thread in the parent competing for the 2 cores.
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            double wallMs = (System.nanoTime() - start) / 1e6;
            if (!exited) {
                process.destroyForcibly();
                throw new IllegalStateException("the probe did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the probe exited with " + process.exitValue() + ":\n" + output);
            }
            if (!output.contains("Picked up JAVA_TOOL_OPTIONS")) {
                throw new IllegalStateException("the child JVM did not report JAVA_TOOL_OPTIONS:\n" + output);
            }
            Matcher result = RESULT.matcher(output);
            if (!result.find()) {
                throw new IllegalStateException("no result line from the probe:\n" + output);
            }
            return new Run(wallMs, Long.parseLong(result.group(1)), Double.parseDouble(result.group(2)),
                    Double.parseDouble(result.group(3)), Long.parseLong(result.group(4)));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
