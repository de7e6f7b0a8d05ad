package despatch.local.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A local stack on a state directory, hosted by this process for other ./despatch commands to
 * use: it holds the folder's lock (one stack per folder, whoever started it), and writes
 * {@code env}, {@code stack.pid} and the console's sign-in note ({@link ConsoleSignInNote}) there, so {@code publish} finds it and {@code down} can stop
 * it. {@code ./despatch up} (through {@link StackMain}) and {@code ./despatch serve} both host
 * the stack this way. {@link #close()} stops the emulators and removes both files.
 */
public final class HostedStack implements AutoCloseable {

    static final String ENV_FILE = "env";
    static final String PID_FILE = "stack.pid";
    private static final String LOCK_FILE = "stack.lock";

    private final LocalAwsStack stack;
    private final Path stateDir;
    private final FileLock lock;
    private boolean closed;

    /** Another process (or this one) already hosts a stack on the folder. */
    public static final class AlreadyRunningException extends Exception {
        AlreadyRunningException(String message) {
            super(message);
        }
    }

    private HostedStack(LocalAwsStack stack, Path stateDir, FileLock lock) {
        this.stack = stack;
        this.stateDir = stateDir;
        this.lock = lock;
    }

    /**
     * Starts the stack with its data in {@code stateDir}, then writes the env and pid files.
     *
     * @param parameters template parameter values instead of their defaults
     */
    public static HostedStack start(Path projectRoot, Path stateDir, Map<String, String> parameters)
            throws IOException, AlreadyRunningException {
        Path dir = stateDir.toAbsolutePath();
        Files.createDirectories(dir);
        // Held for this process's life: a second stack on the same folder fails here, even if
        // stack.pid was deleted or is stale. The OS releases it however this process ends.
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockChannel);
        if (lock == null) {
            lockChannel.close();
            throw new AlreadyRunningException("A Despatch local stack is already running for " + dir + runningPid(dir)
                    + ". Stop it with ./despatch down.");
        }
        LocalAwsStack stack;
        try {
            LocalAwsStack.Builder builder = LocalAwsStack.builder().projectRoot(projectRoot).stateDir(dir);
            parameters.forEach(builder::parameter);
            stack = builder.start();
        } catch (RuntimeException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
        HostedStack hosted = new HostedStack(stack, dir, lock);
        try {
            writeAtomically(dir.resolve(ENV_FILE), String.join("\n", StackMain.exportLines(StackMain.environment(stack))) + "\n");
            writeAtomically(dir.resolve(ConsoleSignInNote.FILE), ConsoleSignInNote.text(stack));
            writeAtomically(dir.resolve(PID_FILE), ProcessHandle.current().pid() + "\n");
        } catch (IOException | RuntimeException e) {
            hosted.close();
            throw e;
        }
        return hosted;
    }

    public LocalAwsStack stack() {
        return stack;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Stops the emulators, then removes env and stack.pid (if still ours) and releases the folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stack.close();
        } finally {
            deleteIfOurs(stateDir.resolve(PID_FILE));
            try {
                Files.deleteIfExists(stateDir.resolve(ENV_FILE));
                // Its passwords were this run's: the provider that knew them has stopped.
                Files.deleteIfExists(stateDir.resolve(ConsoleSignInNote.FILE));
                lock.release();
                lock.channel().close();
            } catch (IOException e) {
                // The process is ending; the OS drops the lock anyway.
            }
        }
    }

    private static void deleteIfOurs(Path pidFile) {
        try {
            if (Files.readString(pidFile).strip().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** Null when another process, or this JVM, already holds the stack's lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static String runningPid(Path stateDir) {
        try {
            return " (pid " + Files.readString(stateDir.resolve(PID_FILE)).strip() + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
