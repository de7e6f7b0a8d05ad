package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.local.ImportCommand;
import despatch.local.StackConnection;
import despatch.local.SubscribersCommand;
import despatch.local.stack.LocalAwsStack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./despatch import and ./despatch subscribers export against an in-memory stack: rows imported
 * with consent evidence become active members, and the export lists exactly those of one list as
 * RFC 4180 CSV, across more than one page of the table.
 */
class SubscriberCommandsTest {
    /** More than one page of the export's 1,000-member queries. */
    private static final int MANY = 1_003;

    @TempDir
    static Path folder;
    /** Its own, not the serve tests' shared one: an export lists every member, whoever else subscribed. */
    private static LocalAwsStack ownStack;
    private static StackConnection stack;

    @BeforeAll
    static void importMembers() throws Exception {
        ownStack = LocalAwsStack.start();
        stack = StackConnection.to(ownStack);
        List<String> rows = new ArrayList<>(List.of("email,name,lists,consent_date,consent_source",
                "ann.jones@example.org.uk,\"Jones, Ann\",newsletter,2026-03-01,paper sign-up sheet",
                "sam@example.org.uk,\"Sam \"\"Sparky\"\" Ó Briain\",newsletter;press,2026-03-01,paper sign-up sheet",
                "formula@example.org.uk,=2+3,newsletter,2026-03-01,paper sign-up sheet",
                "press.only@example.org.uk,Press Person,press,2026-03-01,paper sign-up sheet",
                "pending@example.org.uk,Not Yet,newsletter,,"));
        for (int i = 0; i < MANY; i++) {
            rows.add("journalist" + i + "@example.org.uk,,press,2026-03-01,press gallery sign-up sheet");
        }
        Path file = folder.resolve("sign-ups.csv");
        Files.writeString(file, String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        assertEquals(0, new ImportCommand(stack).run(file));
    }

    @AfterAll
    static void stop() {
        ownStack.close();
    }

    @Test
    void exportsTheActiveMembersOfOneListAsRfc4180Csv() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new SubscribersCommand(stack, out).export("newsletter", Optional.empty()));
        String csv = out.toString(StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("email,name,subscribed_since\r\n"), csv);
        assertTrue(csv.endsWith("\r\n"), "every record ends with CRLF");
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        Set<String> withoutDates = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.matches(".*,\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z"), line);
            withoutDates.add(line.substring(0, line.lastIndexOf(',')));
        }
        assertEquals(Set.of(
                "ann.jones@example.org.uk,\"Jones, Ann\"",
                "sam@example.org.uk,\"Sam \"\"Sparky\"\" Ó Briain\"",
                "formula@example.org.uk,'=2+3"), withoutDates, "active newsletter members only; names quoted, formulas defused");
    }

    @Test
    void pagesThroughAListLongerThanOneQuery() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new SubscribersCommand(stack, out).export("press", Optional.empty()));
        List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\r\n"));
        Set<String> addresses = new HashSet<>();
        lines.subList(1, lines.size()).forEach(line -> addresses.add(line.substring(0, line.indexOf(','))));
        assertEquals(MANY + 2, lines.size() - 1, "each member once");
        assertEquals(MANY + 2, addresses.size());
        assertTrue(addresses.contains("press.only@example.org.uk") && addresses.contains("journalist0@example.org.uk")
                && addresses.contains("journalist" + (MANY - 1) + "@example.org.uk"));
    }

    @Test
    void anUnknownListIsRefusedAndNothingIsWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, new SubscribersCommand(stack, out).export("newsleter", Optional.empty()));
        assertEquals(0, out.size());
    }

    @Test
    void anExportToAFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = folder.resolve("newsletter.csv");
        assertEquals(0, new SubscribersCommand(stack, new ByteArrayOutputStream()).export("newsletter", Optional.of(file)));
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("email,name,subscribed_since\r\n"));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }
}
