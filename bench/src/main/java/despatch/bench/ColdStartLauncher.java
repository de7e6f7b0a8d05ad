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

/** Starts one fresh JVM running {@link ColdStartProbe} on the shaded jar, with Lambda's flags and one function's environment. */
final class ColdStartLauncher {
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern RESULT = Pattern.compile(ColdStartProbe.RESULT_PREFIX
            + " jvm-to-main-ms=(\\d+) construct-ms=([\\d.]+) prime-ms=([\\d.]+) invoke-ms=([\\d.]+) jvm-to-done-ms=([\\d.]+)");

    /**
     * @param jvmToDoneMs JVM start to the completed first request, less the runtime's event decoding:
     *                    the cold start a user waits for (in primed mode it includes the priming too)
     */
    record Run(long jvmToMainMs, double constructMs, double primeMs, double invokeMs, double jvmToDoneMs, String response) {
    }

    private final String java;
    private final String classpath;
    private final Map<String, String> environment;

    /**
     * @param environment the function's environment as the template resolves it for the local stack
     * @param runtimeJars the Lambda runtime's event serialiser, which the deployed jar leaves to the runtime
     */
    ColdStartLauncher(String java, Path jar, RepoPaths paths, List<Path> runtimeJars, LambdaJvmFlags flags, Map<String, String> environment) {
        this.java = java;
        // The shaded jar first: the deployed artifact's classes and resources win over anything in bench.
        StringBuilder cp = new StringBuilder(jar.toString()).append(File.pathSeparator).append(paths.benchClasses());
        runtimeJars.forEach(runtime -> cp.append(File.pathSeparator).append(runtime));
        this.classpath = cp.toString();
        this.environment = lambdaEnvironment(flags, environment);
    }

    /**
     * Only what a Lambda container would have: the function's settings, region, credentials and
     * endpoints (the local stack's), and the flags in JAVA_TOOL_OPTIONS, which is how Lambda passes
     * them. Nothing inherited, so a developer's AWS_PROFILE cannot change the result.
     */
    private static Map<String, String> lambdaEnvironment(LambdaJvmFlags flags, Map<String, String> function) {
        Map<String, String> env = new HashMap<>(function);
        env.put("JAVA_TOOL_OPTIONS", flags.options());
        env.putIfAbsent("AWS_REGION", "eu-west-2");
        env.put("AWS_DEFAULT_REGION", env.get("AWS_REGION"));
        env.putIfAbsent("AWS_ACCESS_KEY_ID", "AKIDBENCHFAKE");
        env.putIfAbsent("AWS_SECRET_ACCESS_KEY", "bench-fake-secret");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        return env;
    }

    Run run(String handlerClass, Path event, boolean primed) throws IOException, InterruptedException {
        Path log = Files.createTempFile("despatch-coldstart-", ".log");
        Path response = Files.createTempFile("despatch-coldstart-", ".json");
        try {
            List<String> command = List.of(java, "-cp", classpath, ColdStartProbe.class.getName(), handlerClass, event.toString(),
                    primed ? "primed" : "fresh", response.toString());
            // Output to a file, not a pipe: no reader thread in the parent competing for the 2 cores.
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
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
            return new Run(Long.parseLong(result.group(1)), Double.parseDouble(result.group(2)), Double.parseDouble(result.group(3)),
                    Double.parseDouble(result.group(4)), Double.parseDouble(result.group(5)), Files.readString(response));
        } finally {
            Files.deleteIfExists(log);
            Files.deleteIfExists(response);
        }
    }
}
