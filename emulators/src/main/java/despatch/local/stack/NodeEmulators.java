package despatch.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * dynalite (DynamoDB) and aws-ses-v2-local (SES v2), the two emulators that come from npm,
 * started side by side. With a state directory, dynalite keeps its tables there.
 */
final class NodeEmulators implements AutoCloseable {

    private final NodeEmulator dynamoDb;
    private final NodeEmulator ses;
    private final Path temporaryLogDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NodeEmulators(NodeEmulator dynamoDb, NodeEmulator ses, Path temporaryLogDir) {
        this.dynamoDb = dynamoDb;
        this.ses = ses;
        this.temporaryLogDir = temporaryLogDir;
    }

    /**
     * @param stateDir where dynalite keeps its data and both write their logs, or null for
     *                 in-memory data and logs in a temporary folder
     * @param quota    what SES's GetAccount reports
     */
    static NodeEmulators start(NodeModules modules, Path stateDir, SesAccountQuota quota) {
        Path nodeModules = modules.ensureInstalled();
        Path logDir = logDir(stateDir);
        List<String> dynaliteArgs = new ArrayList<>(List.of(
                // Without these, tables stay CREATING for 500 ms and the SDK waiter polls for ~20 s.
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (stateDir != null) {
            dynaliteArgs.addAll(List.of("--path", createDirectories(stateDir.resolve("dynamodb")).toString()));
        }
        CompletableFuture<NodeEmulator> dynamoDb;
        CompletableFuture<NodeEmulator> ses;
        // close() waits for both, so afterwards each has either started or failed.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            dynamoDb = CompletableFuture.supplyAsync(() -> NodeEmulator.startAndAwait(
                    "dynalite", nodeModules.resolve("dynalite/cli.js"), dynaliteArgs, logDir.resolve("dynalite.log"), Map.of()), executor);
            ses = CompletableFuture.supplyAsync(() -> NodeEmulator.startAndAwait(
                    "aws-ses-v2-local", nodeModules.resolve("aws-ses-v2-local/dist/cli.js"), List.of(),
                    logDir.resolve("ses.log"), Map.of("AWS_SES_ACCOUNT", sesAccount(quota))), executor);
        }
        if (dynamoDb.isCompletedExceptionally() || ses.isCompletedExceptionally()) {
            // Whichever did start must not outlive the failure.
            dynamoDb.thenAccept(NodeEmulator::close);
            ses.thenAccept(NodeEmulator::close);
            Throwable failure = dynamoDb.isCompletedExceptionally() ? dynamoDb.exceptionNow() : ses.exceptionNow();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return new NodeEmulators(dynamoDb.join(), ses.join(), stateDir == null ? logDir : null);
    }

    NodeEmulator dynamoDb() {
        return dynamoDb;
    }

    NodeEmulator ses() {
        return ses;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.submit(dynamoDb::close);
            executor.submit(ses::close);
        }
        deleteTemporaryLogs();
    }

    private void deleteTemporaryLogs() {
        if (temporaryLogDir == null) {
            return;
        }
        try (Stream<Path> logs = Files.list(temporaryLogDir)) {
            for (Path log : logs.toList()) {
                Files.deleteIfExists(log);
            }
            Files.deleteIfExists(temporaryLogDir);
        } catch (IOException e) {
            // A few bytes of log left in the temporary folder: not worth failing a shutdown for.
        }
    }

    /**
     * What GetAccount answers (the emulator wants every field): an account out of the sandbox
     * with a modest quota, so code that reads the send rate gets a realistic number.
     */
    private static String sesAccount(SesAccountQuota quota) {
        return """
                {"DedicatedIpAutoWarmupEnabled":false,
                 "Details":{"AdditionalContactEmailAddresses":[],"ContactLanguage":"EN","MailType":"MARKETING",
                            "ReviewDetails":{"CaseId":"local","Status":"GRANTED"},
                            "UseCaseDescription":"Local emulator","WebsiteURL":"http://127.0.0.1"},
                 "EnforcementStatus":"HEALTHY","ProductionAccessEnabled":true,"SendingEnabled":true,
                 "SendQuota":%s,
                 "SuppressionAttributes":{"SuppressedReasons":["BOUNCE","COMPLAINT"]}}""".formatted(quota.json());
    }

    private static Path logDir(Path stateDir) {
        try {
            return stateDir != null ? createDirectories(stateDir.resolve("logs")) : Files.createTempDirectory("despatch-emulators");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
