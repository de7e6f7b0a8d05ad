package despatch.local.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven over the DevTools protocol. Each instance has its own
 * profile in a temporary folder; {@link #close()} kills the browser and every process it started
 * and removes the folder, and a shutdown hook does the same if the test JVM is stopped first.
 * A missing browser fails the test: it is a documented prerequisite, not an optional extra.
 */
public final class Chromium implements AutoCloseable {
    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final Thread killOnExit;
    private DevToolsConnection devTools;
    private boolean closed;

    private Chromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
        this.killOnExit = new Thread(this::kill, "chromium-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public static Chromium launch() {
        return launch(List.of());
    }

    /**
     * A browser that reaches 127.0.0.1 and nothing else: every host name fails to resolve at once,
     * so a page's off-site images fail as on a machine with no network, without waiting for a DNS
     * server that will not answer.
     */
    public static Chromium launchLoopbackOnly() {
        return launch(List.of("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"));
    }

    private static Chromium launch(List<String> extraFlags) {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("The browser tests need Chromium at " + EXECUTABLE
                    + ", which is a documented prerequisite: install Debian's chromium package (apt-get install chromium).");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("despatch-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process;
        try {
            List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(),
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--remote-debugging-port=0", "--user-data-dir=" + profile,
                    "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900"));
            command.addAll(extraFlags);
            command.add("about:blank");
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(profile.resolve("chromium.log").toFile())
                    .start();
        } catch (IOException e) {
            deleteTree(profile);
            throw new UncheckedIOException("Could not start " + EXECUTABLE, e);
        }
        Chromium chromium = new Chromium(process, profile);
        try {
            chromium.devTools = DevToolsConnection.open(chromium.awaitDevToolsEndpoint());
            return chromium;
        } catch (RuntimeException | Error e) {
            chromium.close();
            throw e;
        }
    }

    /** Chromium writes the port it chose, and the browser target's path, to DevToolsActivePort. */
    private URI awaitDevToolsEndpoint() {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Chromium exited with status " + process.exitValue() + " before it was ready:\n" + log());
            }
            try {
                List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
                if (lines.size() >= 2 && !lines.get(0).isBlank()) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
                }
                Thread.sleep(50);
            } catch (IOException e) {
                // Being written; read it again.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Chromium did not open its DevTools port within " + START_TIMEOUT.toSeconds() + " s:\n" + log());
    }

    /** A new tab, attached as a flattened session. */
    public BrowserTab newTab() {
        JsonNode target = devTools.send(null, "Target.createTarget", DevToolsConnection.params().put("url", "about:blank"));
        JsonNode attached = devTools.send(null, "Target.attachToTarget",
                DevToolsConnection.params().put("targetId", target.get("targetId").asText()).put("flatten", true));
        BrowserTab tab = new BrowserTab(devTools, attached.get("sessionId").asText());
        tab.enable();
        return tab;
    }

    public String log() {
        try {
            return Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            kill();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or will run; it does the same.
            }
        }
    }

    /** Zygote, renderer and GPU processes first noted, then all killed: once the parent is gone they cannot be found. */
    private void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        if (devTools != null) {
            devTools.close();
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Gone already, or will be reaped by init; nothing more to do.
            }
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // A file still being written by a dying process; the folder is in the temp dir.
                }
            });
        } catch (IOException e) {
            // Walked while a dying process removed files; what is left is in the temp dir.
        }
    }
}
