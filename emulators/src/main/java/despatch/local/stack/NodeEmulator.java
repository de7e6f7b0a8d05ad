package despatch.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One npm emulator (dynalite, aws-ses-v2-local) as a child process on a free loopback port.
 * The child exits by itself when this JVM dies, even by SIGKILL: it is started through a
 * one-line wrapper that exits when its stdin (a pipe from this JVM) closes.
 */
final class NodeEmulator implements AutoCloseable {

    /** What the wrapper prints when the emulator's server is listening, then the port. */
    static final String LISTENING = "despatch-emulator-listening ";
    private static final String EXIT_WITH_PARENT = "process.stdin.on('end',()=>process.exit(0));"
            + "process.stdin.on('error',()=>process.exit(0));process.stdin.resume();"
            // Says which port this process itself bound: another process may answer on a port chosen
            // for this one (two test JVMs choosing at once), and a connection alone cannot tell them apart.
            + "const net=require('net');const listen=net.Server.prototype.listen;"
            + "net.Server.prototype.listen=function(...a){this.once('listening',()=>{const at=this.address();"
            + "if(at&&at.port)console.log('" + LISTENING + "'+at.port);});return listen.apply(this,a);};"
            + "require(require('path').resolve(process.argv[1]));";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final int PORT_ATTEMPTS = 3;

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    /** Where this run's output starts in the log: a persistent stack appends to one log across runs. */
    private final long logStart;

    private NodeEmulator(String name, Process process, int port, Path log, long logStart) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.logStart = logStart;
    }

    /**
     * Starts {@code node <script> <arguments…> --host 127.0.0.1 --port <free port>}; call
     * {@link #awaitReady()} before use. Output goes to {@code log}.
     */
    static NodeEmulator start(String name, Path script, List<String> arguments, Path log, Map<String, String> environment) {
        return start(name, script, arguments, log, environment, freePort());
    }

    /** On a port of the caller's choosing: tests give it one that is taken. */
    static NodeEmulator start(String name, Path script, List<String> arguments, Path log, Map<String, String> environment, int port) {
        List<String> command = new ArrayList<>(List.of("node", "-e", EXIT_WITH_PARENT, script.toString()));
        command.addAll(arguments);
        command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(script.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Never let a developer's SMTP relay setting turn the SES emulator into a real mailer.
        builder.environment().remove("SMTP_TRANSPORT");
        builder.environment().putAll(environment);
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            return new NodeEmulator(name, builder.start(), port, log, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " (is node on the PATH?)", e);
        }
    }

    /**
     * Starts the emulator and waits until its port answers, trying another port if the chosen
     * one was taken between choosing and binding.
     */
    static NodeEmulator startAndAwait(String name, Path script, List<String> arguments, Path log, Map<String, String> environment) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            NodeEmulator emulator = start(name, script, arguments, log, environment);
            try {
                return emulator.awaitReady();
            } catch (IllegalStateException e) {
                emulator.close();
                last = e;
            }
        }
        throw last;
    }

    /** Blocks until this process says it listens on its port; fails with the emulator's output if it exits. */
    NodeEmulator awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before listening:\n" + logTail());
            }
            if (saidItListens()) {
                return this;
            }
            sleep(15);
        }
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the emulator and anything it started: SIGTERM, then SIGKILL after a grace period. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private boolean saidItListens() {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= logStart) {
                return false;
            }
            byte[] output = new byte[(int) Math.min(file.length() - logStart, 1 << 20)];
            file.seek(logStart);
            file.readFully(output);
            return new String(output, StandardCharsets.UTF_8).lines().anyMatch(line -> line.equals(LISTENING + port));
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an emulator", e);
        }
    }
}
