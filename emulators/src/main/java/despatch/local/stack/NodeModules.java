package despatch.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm emulators' install in local/: {@code npm ci} from the committed package-lock.json, run
 * only when node_modules is missing or older than the lock file, so a fresh clone (and CI) needs
 * no separate install step and a warm one pays nothing.
 */
final class NodeModules {

    private static final long NPM_CI_TIMEOUT_MINUTES = 10;

    private final Path localDir;

    NodeModules(Path localDir) {
        this.localDir = localDir;
    }

    /** local/ of the project that contains the working directory. */
    static NodeModules ofProject(Path projectRoot) {
        return new NodeModules(projectRoot.resolve("local"));
    }

    /** A script of this project's own in local/, run by node with local/node_modules to import from. */
    Path script(String relative) {
        return localDir.resolve(relative);
    }

    Path path(String relative) {
        return localDir.resolve("node_modules").resolve(relative);
    }

    /** Runs {@code npm ci} if needed; returns the node_modules folder. */
    Path ensureInstalled() {
        Path lock = localDir.resolve("package-lock.json");
        if (!Files.isRegularFile(lock)) {
            throw new IllegalStateException("Missing " + lock + ": the emulators' versions are pinned there");
        }
        if (upToDate(lock)) {
            return localDir.resolve("node_modules");
        }
        // Two JVMs (a test run and ./despatch up) must not run npm ci over each other.
        Path lockFile = localDir.resolve("target").resolve("npm-ci.lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock installing = channel.lock();
                try {
                    if (!upToDate(lock)) {
                        runNpmCi();
                    }
                } finally {
                    installing.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the npm emulators in " + localDir, e);
        }
        return localDir.resolve("node_modules");
    }

    private boolean upToDate(Path lock) {
        // npm writes node_modules/.package-lock.json on every install: its time is the install's time.
        Path installed = localDir.resolve("node_modules").resolve(".package-lock.json");
        try {
            if (!Files.isRegularFile(installed)) {
                return false;
            }
            FileTime installedAt = Files.getLastModifiedTime(installed);
            return installedAt.compareTo(Files.getLastModifiedTime(lock)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void runNpmCi() throws IOException {
        Path log = localDir.resolve("target").resolve("npm-ci.log");
        // --prefer-offline: packages already in npm's cache are not revalidated with the registry (a third faster here).
        Process npm = new ProcessBuilder(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"))
                .directory(localDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!npm.waitFor(NPM_CI_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                npm.descendants().forEach(ProcessHandle::destroyForcibly);
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci in " + localDir + " took over " + NPM_CI_TIMEOUT_MINUTES + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm.destroyForcibly();
            throw new IllegalStateException("Interrupted during npm ci", e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + localDir + " (exit " + npm.exitValue() + "):\n" + Files.readString(log));
        }
    }
}
