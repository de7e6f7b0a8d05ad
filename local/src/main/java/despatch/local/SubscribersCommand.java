package despatch.local;

import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.subscription.MemberCsv;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.office.Office;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./despatch subscribers export LIST [--out FILE]}: a list's active members as CSV
 * ({@link MemberCsv}), read a page at a time in key order from the local stack's SubscribersTable,
 * to stdout or FILE. Addresses go only there: the summary on stderr is a count.
 */
public final class SubscribersCommand {
    private final StackConnection stack;
    private final OutputStream stdout;

    public SubscribersCommand(StackConnection stack, OutputStream stdout) {
        this.stack = stack;
        this.stdout = stdout;
    }

    /**
     * @param file where to write the CSV; stdout when empty
     * @return the exit status: 0 done, 2 an unknown list
     */
    public int export(String list, Optional<Path> file) throws IOException {
        Path out = file.orElse(null);
        Settings settings = Settings.from(stack.environmentFor(Setting.Function.SubscriptionFunction), Setting.Function.SubscriptionFunction);
        Office office = settings.office();
        if (!office.lists().containsKey(list)) {
            return fail("there is no list '" + list + "'. The office's lists (LISTS) are: " + office.lists().values().stream()
                    .map(l -> l.id() + " (" + l.displayName() + ")").collect(Collectors.joining(", ")));
        }
        DynamoDbSubscriberStore store = new DynamoDbSubscriberStore(stack.dynamoDb(), settings.get(Setting.SUBSCRIBERS_TABLE));
        long count;
        if (out == null) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
            count = export(store, list, writer);
            writer.flush();
        } else {
            count = exportToFile(store, list, out);
        }
        System.err.println("Exported " + count + " active member" + (count == 1 ? "" : "s") + " of " + list
                + (out == null ? "" : " to " + out));
        return 0;
    }

    /** Written beside the target and moved into place, so a failure leaves no half-written list; readable by its owner only. */
    private static long exportToFile(DynamoDbSubscriberStore store, String list, Path out) throws IOException {
        Path target = out.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            long count;
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                count = export(store, list, writer);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static long export(DynamoDbSubscriberStore store, String list, Writer writer) throws IOException {
        return MemberCsv.export(store, list, writer);
    }

    private static int fail(String message) {
        System.err.println("despatch: " + message);
        return 2;
    }
}
