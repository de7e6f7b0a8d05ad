package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import despatch.lambda.ImportHandler;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.subscription.AddressKey;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The real ImportHandler on S3 events of the deployed shape, against S3, DynamoDB and SES emulators. */
class ImportHandlerTest {
    private final ImportHandler handler = new ImportHandler(TestStack.wiring(Setting.Function.ImportFunction, Clock.systemUTC()));
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String address(String who) {
        return who + "-" + run + "@example.org.uk";
    }

    private Map<String, Object> importFile(String key, String csv) {
        return importFile(key, csv.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> importFile(String key, byte[] bytes) {
        TestStack.upload(key, bytes);
        S3Event event = TestStack.events().objectCreated(TestStack.bucket("UPLOADS_BUCKET"), key, bytes.length);
        List<Map<String, Object>> results = handler.handleRequest(event, null);
        assertEquals(1, results.size());
        return results.getFirst();
    }

    private static String report(String key) {
        return TestStack.read("UPLOADS_BUCKET", key + ".report.txt");
    }

    private static DynamoDbSubscriberStore store() {
        return new DynamoDbSubscriberStore(TestStack.get().dynamoDb(),
                TestStack.environment(Setting.Function.ImportFunction).get("SUBSCRIBERS_TABLE"));
    }

    private static Optional<Subscriber> subscriber(String email) {
        try {
            return store().findAddress(AddressKey.of(EmailAddress.parse(email)))
                    .flatMap(a -> a.subscriberId()).flatMap(store()::findSubscriber);
        } catch (InvalidEmailAddressException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void goodRowsAreImportedAndEachBadRowIsReportedWithItsReason() {
        String key = "imports/surgery-" + run + ".csv";
        String csv = "Email,Name,Postcode,Lists,Consent date,Consent source,Send confirmation\r\n"
                + address("ada") + ",\"Lovelace, Ada\",sw1a 0aa,newsletter;press,2026-03-01,paper form at the Llanfair surgery,\r\n"
                + address("bob") + ",Bob,,newsletter,,,yes\r\n"
                + address("cy") + ",Cy,,newsletter,,,\r\n"
                + "not-an-address,Dee,,newsletter,2026-03-01,form,\r\n"
                + address("eve") + ",Eve,,gossip,2026-03-01,form,\r\n"
                + address("fay") + ",Fay,,newsletter,2026-03-01,,\r\n"
                + address("ADA") + ",Ada again,,newsletter,2026-03-01,form,\r\n"
                + address("gus") + ",Gus,,newsletter,2999-01-01,form,\r\n";
        Map<String, Object> result = importFile(key, csv);

        assertEquals(8, result.get("rows"));
        String report = report(key);
        assertAll(
                () -> assertTrue(report.contains("row 5: not-an-address - "), report),
                () -> assertTrue(report.contains("row 6: " + address("eve") + " - lists: There is no list called 'gossip'"), report),
                () -> assertTrue(report.contains("row 7: " + address("fay") + " - Give both consent_date and consent_source"), report),
                () -> assertTrue(report.contains("row 8: " + address("ADA") + " - the same address as row 2"), report),
                () -> assertTrue(report.contains("row 9: " + address("gus") + " - consent_date 2999-01-01 is in the future"), report));

        Subscriber ada = subscriber(address("ada")).orElseThrow();
        assertEquals(SubscriberStatus.ACTIVE, ada.status());
        assertEquals("Lovelace, Ada", ada.name());
        assertEquals("SW1A 0AA", ada.postcode());
        assertEquals(java.util.Set.of("newsletter", "press"), ada.lists());
        assertEquals("paper form at the Llanfair surgery", ada.consents().getLast().evidence());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), ada.consents().getLast().at(), "midnight in Europe/London, GMT in March");

        assertEquals(SubscriberStatus.PENDING, subscriber(address("bob")).orElseThrow().status());
        assertEquals(SubscriberStatus.PENDING, subscriber(address("cy")).orElseThrow().status());
        List<String> mailed = TestStack.get().capturedEmails().stream().flatMap(m -> m.to().stream()).toList();
        assertTrue(mailed.contains(address("bob")), "the file asked for a confirmation");
        assertFalse(mailed.contains(address("cy")), "no confirmation unless the file asks");
        assertFalse(mailed.contains(address("ada")), "imported with consent: nothing to confirm");
        assertTrue(subscriber(address("eve")).isEmpty() && subscriber(address("fay")).isEmpty() && subscriber(address("gus")).isEmpty());
    }

    @Test
    void aFileWithoutAnEmailColumnIsRefusedWholeAndNothingIsWritten() {
        String key = "imports/wrong-" + run + ".csv";
        Map<String, Object> result = importFile(key, "name,address\nAda," + address("ada") + "\n");
        assertEquals(true, result.get("fileProblem"));
        assertTrue(report(key).contains("Nothing was imported: the column 'address' is not one Despatch knows"), report(key));
        assertTrue(subscriber(address("ada")).isEmpty());
    }

    @Test
    void anExcelCsvInWindows1252KeepsItsAccents() {
        String key = "imports/excel-" + run + ".csv";
        byte[] bytes = ("email,name,lists,consent_date,consent_source\r\n" + address("sian")
                + ",Siân Llŷr,newsletter,2026-01-05,sign-up sheet\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        importFile(key, bytes);
        // ŷ is not in Windows-1252: Excel would have written '?', and so does this encoder.
        assertEquals("Siân Ll?r", subscriber(address("sian")).orElseThrow().name());
    }

    @Test
    void anImportNeverBringsBackSomeoneWhoUnsubscribedWhateverDateItGives() {
        String key = "imports/old-list-" + run + ".csv";
        importFile(key, "email,lists,consent_date,consent_source\n" + address("gone") + ",newsletter,2026-01-01,old list\n");
        Subscriber imported = subscriber(address("gone")).orElseThrow();
        Subscriber left = new Subscriber(imported.id(), imported.address(), imported.name(), imported.postcode(),
                SubscriberStatus.UNSUBSCRIBED, java.util.Set.of(), java.util.Set.of(), null,
                append(imported.consents(), new despatch.subscription.ConsentRecord(Instant.parse("2026-06-01T00:00:00Z"),
                        despatch.subscription.ConsentAction.UNSUBSCRIBED, java.util.Set.of("newsletter"), "",
                        despatch.subscription.ConsentSource.ONE_CLICK, "", "", "")),
                imported.createdAt(), Instant.now(), imported.version() + 1);
        store().save(left);

        String again = "imports/old-list-again-" + run + ".csv";
        // A consent date after they left changes nothing: only the person can rejoin, by confirming.
        importFile(again, "email,lists,consent_date,consent_source\n" + address("gone") + ",newsletter,2026-07-01,new sheet\n"
                + address("other") + ",newsletter,2026-07-01,new sheet\n");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, subscriber(address("gone")).orElseThrow().status());
        assertTrue(report(again).contains(address("gone") + " - skipped: this person unsubscribed"), report(again));
        assertEquals(SubscriberStatus.ACTIVE, subscriber(address("other")).orElseThrow().status(), "the rest of the chunk is imported");
    }

    @Test
    void theSampleEventThatSamLocalInvokeUsesImportsItsFile() throws Exception {
        byte[] sample = java.nio.file.Files.readAllBytes(despatch.local.stack.ProjectRoot.find().resolve("events/s3-put-import.json"));
        String email = address("sample");
        TestStack.upload("imports/surgery-sign-ups.csv", "email,lists\n" + email + ",newsletter\n");
        List<Map<String, Object>> results = handler.handleRequest(despatch.local.S3EventFactory.read(sample), null);
        assertEquals(1, results.size(), "the sample names the local uploads bucket and an imports/ key");
        assertEquals(SubscriberStatus.PENDING, subscriber(email).orElseThrow().status());
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new java.util.ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
