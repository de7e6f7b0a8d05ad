package despatch.local.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a newcomer needs to sign in to the local console: its address and the demo staff accounts,
 * one per role, with the passwords made up for this run of the stack. A hosted stack keeps it in
 * its state folder (which git ignores) for {@code up}, {@code serve} and {@code demo} to print.
 */
public final class ConsoleSignInNote {
    static final String FILE = "console-sign-in.txt";

    private ConsoleSignInNote() {
    }

    /** @param consoleUrl the console's address, or empty when no server address is known yet */
    public static String text(String consoleUrl, LocalIdentityProvider provider) {
        StringBuilder text = new StringBuilder("Staff console: ")
                .append(consoleUrl.isEmpty() ? "/console on the address ./despatch serve prints" : consoleUrl)
                .append("  (while ./despatch serve runs)\n")
                .append("  Sign in with one of these demo accounts (new passwords each time the stack starts):\n");
        for (StaffAccount account : provider.staff()) {
            text.append(String.format("    %-9s %-32s %s%n", account.group(), account.email(), account.password()));
        }
        return text.toString();
    }

    /** For a stack whose template parameter PublicApiUrl is where ./despatch serve serves. */
    static String text(LocalAwsStack stack) {
        String api = stack.template().parameterValue("PublicApiUrl");
        return text(api.isEmpty() ? "" : api + "/console", stack.identityProvider());
    }

    /** The note the stack hosted on this folder wrote, if one runs there. */
    public static Optional<String> read(Path stateDir) {
        try {
            return Optional.of(Files.readString(stateDir.resolve(FILE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
