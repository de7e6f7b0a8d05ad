package despatch.subscription.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.office.Office;
import despatch.render.SubscriptionRenderer;
import despatch.subscription.AddressKey;
import despatch.common.EmailAddress;
import despatch.subscription.ImportOutcome;
import despatch.subscription.InMemorySubscriberStore;
import despatch.subscription.RecordingMailer;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberImporter;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.SubscriptionEmails;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.TokenSigner;
import despatch.testing.TestOffice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ImportServiceTest {
    private static final Office OFFICE = TestOffice.office();
    private final InMemorySubscriberStore store = new InMemorySubscriberStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final Map<String, String> reports = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final ImportFiles importFiles = new ImportFiles() {
        @Override
        public byte[] read(String key) {
            return files.get(key);
        }

        @Override
        public void writeReport(String key, String report) {
            reports.put(key, report);
        }
    };
    private final ImportService imports = new ImportService(OFFICE, importFiles,
            new SubscriberImporter(OFFICE, store, mailer, new SubscriptionEmails(OFFICE, new SubscriptionRenderer(OFFICE)), TestOffice.clock()),
            TestOffice.clock(), 4);
    private final SubscriptionLinks links = new SubscriptionLinks("https://api.example.org.uk",
            new TokenSigner("a test secret that is long enough to sign".getBytes(StandardCharsets.UTF_8), TestOffice.clock()));

    private ImportReport importCsv(String csv) {
        files.put("imports/list.csv", csv.getBytes(StandardCharsets.UTF_8));
        return imports.importFile("imports/list.csv", links, () -> true);
    }

    private Subscriber subscriber(String email) throws Exception {
        return store.findSubscriber(store.findAddress(AddressKey.of(EmailAddress.parse(email))).orElseThrow().subscriberId().orElseThrow())
                .orElseThrow();
    }

    @Test
    void anImportThatFailsOfItsOwnAccordSaysSoBesideTheFileAndStillFails() {
        ImportService failing = new ImportService(OFFICE, new ImportFiles() {
            @Override
            public byte[] read(String key) {
                throw new IllegalStateException("S3 is having a moment");
            }

            @Override
            public void writeReport(String key, String report) {
                reports.put(key, report);
            }
        }, new SubscriberImporter(OFFICE, store, mailer, new SubscriptionEmails(OFFICE, new SubscriptionRenderer(OFFICE)), TestOffice.clock()),
                TestOffice.clock(), 4);

        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> failing.importFile("imports/list.csv", links, () -> true));
        assertEquals("S3 is having a moment", thrown.getMessage(), "the failure goes on to the function's error handling");
        String report = reports.get("imports/list.csv");
        assertTrue(report.contains("The import stopped before it finished") && report.contains("upload the same file again"), report);
        assertTrue(!report.contains("S3 is having a moment"), "what went wrong inside is in the log, not in the staff's report");
    }

    @Test
    void aLargeFileIsImportedAcrossChunksEveryRowOnce() throws Exception {
        StringBuilder csv = new StringBuilder("email,lists,consent_date,consent_source\n");
        int rows = ImportService.CHUNK * 3 + 7;
        for (int i = 0; i < rows; i++) {
            csv.append("person").append(i).append("@example.org.uk,newsletter,2026-03-01,surgery sign-up sheet\n");
        }
        ImportReport report = importCsv(csv.toString());

        assertEquals(rows, report.count(ImportOutcome.ACTIVE));
        assertEquals(rows, store.subscriberCount());
        int members = 0;
        String cursor = null;
        do {
            var page = store.activeMembers("newsletter", cursor, 50);
            members += page.members().size();
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        assertEquals(rows, members);
        assertEquals(SubscriberStatus.ACTIVE, subscriber("person" + (rows - 1) + "@example.org.uk").status());
    }

    @Test
    void knownAndNewAddressesInOneChunkEachGetTheRightOutcome() throws Exception {
        importCsv("email,lists,consent_date,consent_source\nold@example.org.uk,newsletter,2026-03-01,form\n");
        store.suppressAddress(AddressKey.of(EmailAddress.parse("bounced@example.org.uk")), SubscriberStatus.BOUNCED, Instant.EPOCH);

        ImportReport report = importCsv("""
                email,lists,consent_date,consent_source,send_confirmation
                old@example.org.uk,newsletter,2026-03-01,form,
                pending@example.org.uk,newsletter;press,,,yes
                bounced@example.org.uk,newsletter,2026-03-01,form,
                new@example.org.uk,press,2026-03-01,form,
                """);

        assertEquals(1, report.count(ImportOutcome.UNCHANGED));
        assertEquals(1, report.count(ImportOutcome.PENDING_MAILED));
        assertEquals(1, report.count(ImportOutcome.SKIPPED_SUPPRESSED));
        assertEquals(1, report.count(ImportOutcome.ACTIVE));
        assertEquals(1, mailer.sentTo("pending@example.org.uk").size(), "the file asked for a confirmation");
        assertTrue(mailer.lastLink("/confirm").startsWith("https://api.example.org.uk/confirm?token="));
        assertEquals(SubscriberStatus.PENDING, subscriber("pending@example.org.uk").status());
        assertTrue(reports.get("imports/list.csv").contains("row 4: bounced@example.org.uk - skipped"), reports.get("imports/list.csv"));
    }

    @Test
    void uploadingTheSameFileAgainSendsNoSecondConfirmation() {
        String csv = "email,lists,send_confirmation\nbob@example.org.uk,newsletter,yes\n";
        importCsv(csv);
        ImportReport again = importCsv(csv);

        assertEquals(1, again.count(ImportOutcome.UNCHANGED));
        assertEquals(1, mailer.sentTo("bob@example.org.uk").size());
    }

    @Test
    void rowsNotReachedBeforeTheTimeLimitAreReportedForUploadingAgain() {
        StringBuilder csv = new StringBuilder("email,lists\n");
        for (int i = 0; i < ImportService.CHUNK * 2; i++) {
            csv.append("late").append(i).append("@example.org.uk,newsletter\n");
        }
        files.put("imports/late.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        AtomicInteger chunksStarted = new AtomicInteger();
        ImportReport report = imports.importFile("imports/late.csv", links, () -> chunksStarted.incrementAndGet() == 1);

        assertEquals(ImportService.CHUNK, report.count(ImportOutcome.PENDING_UNMAILED));
        assertEquals(ImportService.CHUNK, report.rejected().size());
        assertTrue(report.rejected().stream().allMatch(r -> r.reason().startsWith("not reached before the import's time limit")));
        assertEquals(ImportService.CHUNK, store.subscriberCount(), "nothing half-done: the late rows were not touched");
    }

    @Test
    void aRowWhoseAddressASpreadsheetWouldRunIsRefusedByItsRowNumber() {
        ImportReport report = importCsv("email,lists\nann@example.org.uk,newsletter\n=cmd|'/Ccalc'!A0@example.org,newsletter\n");

        assertEquals(1, report.count(ImportOutcome.PENDING_UNMAILED));
        assertEquals(1, report.rejected().size());
        assertTrue(report.text().contains("row 3: =cmd|'/Ccalc'!A0@example.org - The part before the @ cannot start with = + - or @"),
                report.text());
        assertEquals(1, store.subscriberCount());
    }
}
