package despatch.local;

/** The arguments do not fit the command: said before anything runs, with the command's usage. */
final class UsageException extends Exception {
    private final String command;

    UsageException(String command, String message) {
        super(message);
        this.command = command;
    }

    /** The command whose usage applies, or null when there is no such command. */
    String command() {
        return command;
    }
}
