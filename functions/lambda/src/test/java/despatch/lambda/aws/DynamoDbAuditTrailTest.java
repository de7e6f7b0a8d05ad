package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.AuditAction;
import despatch.console.AuditEntry;
import despatch.console.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit trail on the DynamoDB emulator, in the table template.yaml declares. */
class DynamoDbAuditTrailTest {
    /** Later than anything else a test writes to this table, so these are the newest entries. */
    private static final Instant FROM = Instant.parse("2099-01-01T09:00:00Z");

    private final DynamoDbAuditTrail trail = new DynamoDbAuditTrail(TestStack.get().dynamoDb(),
            TestStack.get().template().physicalName("AuditTable"));

    @Test
    void entriesComeBackNewestFirstAPageAtATime() {
        List<AuditEntry> recorded = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            AuditEntry entry = new AuditEntry(FROM.plusSeconds(i * 60L), "sub-" + (i % 3), "Person " + (i % 3),
                    AuditAction.values()[i % AuditAction.values().length], "campaign c-" + i);
            trail.record(entry);
            recorded.add(entry);
        }
        List<AuditEntry> read = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < 3; page++) {
            AuditTrail.Page entries = trail.newestFirst(after, 10);
            read.addAll(entries.entries());
            after = entries.next();
            assertTrue(after.isPresent() || page == 2, "a next page while there are more");
        }
        assertEquals(recorded.reversed(), read.subList(0, 25), "every entry, exactly as recorded, newest first");
    }

    @Test
    void twoEntriesAtTheSameMillisecondAreBothKept() {
        Instant same = FROM.minusSeconds(3600);
        AuditEntry first = new AuditEntry(same, "sub-a", "A", AuditAction.LOOK_UP, "subscriber s-1");
        AuditEntry second = new AuditEntry(same, "sub-b", "B", AuditAction.EXPORT, "list newsletter");
        trail.record(first);
        trail.record(second);
        List<AuditEntry> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            AuditTrail.Page page = trail.newestFirst(after, 100);
            all.addAll(page.entries());
            after = page.next();
        } while (after.isPresent());
        assertTrue(all.contains(first) && all.contains(second), "neither overwrote the other");
    }
}
