package despatch.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One command's arguments, taken in turn: each method takes what it reads or throws a
 * {@link UsageException} saying what is wrong; {@link #end()} refuses anything left over.
 * Relative paths are the caller's, not the project's folder the launcher runs Java in.
 */
final class Arguments {
    private final String command;
    private final List<String> remaining;
    private final Path callerDirectory;

    Arguments(String command, List<String> arguments, Path callerDirectory) {
        this.command = command;
        this.remaining = new ArrayList<>(arguments);
        this.callerDirectory = callerDirectory;
    }

    /** The next argument, which must be exactly {@code word} (a sub-command such as "rebuild"). */
    void word(String word) throws UsageException {
        if (remaining.isEmpty()) {
            throw new UsageException(command, "missing " + word);
        }
        String given = remaining.removeFirst();
        if (!given.equals(word)) {
            throw new UsageException(command, "expected '" + word + "', not '" + given + "'");
        }
    }

    /** The next argument, named {@code what} in the message when it is missing. */
    String value(String what) throws UsageException {
        if (remaining.isEmpty()) {
            throw new UsageException(command, "missing " + what);
        }
        String value = remaining.removeFirst();
        if (value.startsWith("--")) {
            throw new UsageException(command, "expected " + what + ", not the option " + value);
        }
        return value;
    }

    /** The next argument as an existing file. */
    Path file(String what) throws UsageException {
        Path file = pathOf(value(what));
        if (!Files.isRegularFile(file)) {
            throw new UsageException(command, "no such file: " + file);
        }
        return file;
    }

    /** Every argument left, each an existing file; at least one. */
    List<Path> files(String what) throws UsageException {
        List<Path> files = new ArrayList<>();
        do {
            files.add(file(what));
        } while (!remaining.isEmpty());
        return files;
    }

    /** {@code name VALUE} wherever it stands among the arguments left, as a path. */
    Optional<Path> pathOption(String name) throws UsageException {
        return option(name).map(this::pathOf);
    }

    /** {@code name N} wherever it stands among the arguments left, as a TCP port. */
    OptionalInt portOption(String name) throws UsageException {
        Optional<String> value = option(name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 1 && port <= 65535) {
                return OptionalInt.of(port);
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new UsageException(command, name + " takes a port number from 1 to 65535, not '" + value.get() + "'");
    }

    /** Whether the flag {@code name} (such as "--rerender") stands among the arguments left; takes it. */
    boolean flag(String name) {
        return remaining.remove(name);
    }

    /** Refuses any argument not taken. */
    void end() throws UsageException {
        if (!remaining.isEmpty()) {
            throw new UsageException(command, "unexpected argument '" + remaining.getFirst() + "'");
        }
    }

    private Optional<String> option(String name) throws UsageException {
        int at = remaining.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= remaining.size()) {
            throw new UsageException(command, name + " needs a value");
        }
        remaining.remove(at);
        return Optional.of(remaining.remove(at));
    }

    /** A path as the caller wrote it, resolved against the caller's folder. */
    Path pathOf(String value) {
        return callerDirectory.resolve(value).normalize();
    }
}
