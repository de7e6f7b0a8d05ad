package despatch.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.sending.Recipient;
import despatch.sending.SendBatch;
import despatch.common.EmailAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each queue's codec: what producers write is what consumers read, and a body that is not the message says why. */
class MessageCodecsTest {

    @Test
    void aSendBatchRoundTrips() throws Exception {
        SendBatch batch = new SendBatch("c-1", "winter-surgeries", Set.of("newsletter", "press"),
                List.of(new Recipient("s-1", EmailAddress.parse("Jane.Smith@example.org.uk"))), 3);

        assertEquals(batch, SendBatchCodec.CODEC.read(SendBatchCodec.CODEC.write(batch)));
    }

    @Test
    void theSampleSendEventsBodyIsASendBatch() throws Exception {
        String sample = Files.readString(repositoryFile("events/sqs-send-batch.json"));
        String body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sample).get("Records").get(0).get("body").asText();

        SendBatch batch = SendBatchCodec.CODEC.read(body);

        assertEquals("c-winter-surgeries", batch.campaignId());
        assertEquals(1, batch.attempt(), "a batch without attempt is its first");
    }

    @Test
    void aMalformedSendBatchIsRefusedNamingWhatIsWrongButNotTheAddress() {
        assertEquals("Not a send batch: not JSON", refused(SendBatchCodec.CODEC, "{\"not\": "));
        assertEquals("Not a send batch: no lists array", refused(SendBatchCodec.CODEC, "{\"not\": \"a batch\"}"));
        String badAddress = refused(SendBatchCodec.CODEC,
                "{\"campaignId\":\"c\",\"slug\":\"s\",\"lists\":[],\"recipients\":[{\"id\":\"1\",\"email\":\"secret-person@@x\"}]}");
        assertEquals("Not a send batch: recipients[0].email is not an email address", badAddress);
        assertEquals("Not a send batch: no campaignId",
                refused(SendBatchCodec.CODEC, "{\"slug\":\"s\",\"lists\":[],\"recipients\":[]}"));
    }

    @Test
    void aFanOutRequestIsWrittenAsTheEmbargoScheduleAndTheQueueAlwaysWroteIt() throws Exception {
        assertEquals("{\"campaignId\":\"c-1\"}", FanOutRequest.CODEC.write(FanOutRequest.resume("c-1")));
        assertEquals("{\"campaignId\":\"c-1\",\"start\":true}", FanOutRequest.CODEC.write(FanOutRequest.startAtEmbargo("c-1")));
        assertEquals(FanOutRequest.startAtEmbargo("c \"quoted\""),
                FanOutRequest.CODEC.read(FanOutRequest.CODEC.write(FanOutRequest.startAtEmbargo("c \"quoted\""))));
    }

    @Test
    void aMalformedFanOutRequestIsRefused() {
        assertEquals("Not a fan-out request: no campaignId", refused(FanOutRequest.CODEC, "{\"campaign\": \"c-1\"}"));
        assertEquals("Not a fan-out request: not JSON", refused(FanOutRequest.CODEC, "campaignId=c-1"));
        assertEquals("Not a fan-out request: start has the wrong type", refused(FanOutRequest.CODEC, "{\"campaignId\":\"c\",\"start\":[1]}"));
        assertEquals("Not a fan-out request: the body is empty", refused(FanOutRequest.CODEC, ""));
    }

    @Test
    void aSiteChangeNamesItsArticleAndARebuildNamesNone() throws Exception {
        assertEquals("{\"slug\":\"bus-route\"}", SiteChange.CODEC.write(SiteChange.changed("bus-route")));
        assertEquals("{\"rebuild\":true}", SiteChange.CODEC.write(SiteChange.REBUILD));
        assertEquals(SiteChange.REBUILD, SiteChange.CODEC.read("{\"rebuild\": true}"), "as staff type it");
        assertEquals(SiteChange.changed("bus-route"), SiteChange.CODEC.read(SiteChange.CODEC.write(SiteChange.changed("bus-route"))));
    }

    @Test
    void aSiteChangeWithNeitherSaysWhatItNeeds() {
        String wrongKey = refused(SiteChange.CODEC, "{\"slgu\": \"x\"}");
        assertTrue(wrongKey.contains("\"rebuild\": true"), wrongKey);
        assertEquals("Not a site change: not JSON", refused(SiteChange.CODEC, "rebuild"));
        assertEquals("Not a site change: not a JSON object", refused(SiteChange.CODEC, "[\"rebuild\"]"));
    }

    @Test
    void aDataLinkRequestCarriesTheAddressAndTheApisAddress() throws Exception {
        DataLinkRequest request = new DataLinkRequest(EmailAddress.parse("Jane@Example.org.uk"), "https://api.example.org.uk");
        String body = DataLinkRequest.CODEC.write(request);

        assertEquals("{\"address\":\"Jane@example.org.uk\",\"baseUrl\":\"https://api.example.org.uk\"}", body);
        assertEquals(request, DataLinkRequest.CODEC.read(body));
    }

    @Test
    void aMalformedDataLinkRequestIsRefusedWithoutQuotingTheAddress() {
        String badAddress = refused(DataLinkRequest.CODEC, "{\"address\":\"someone secret@example.org\",\"baseUrl\":\"https://a\"}");
        assertEquals("Not a data-link request: address is not an email address", badAddress);
        assertFalse(badAddress.contains("secret"));
        assertEquals("Not a data-link request: no baseUrl", refused(DataLinkRequest.CODEC, "{\"address\":\"a@example.org\"}"));
        assertEquals("Not a data-link request: no address", refused(DataLinkRequest.CODEC, "{\"baseUrl\":\"https://a\"}"));
    }

    private static String refused(MessageCodec<?> codec, String body) {
        return assertThrows(UnreadableMessageException.class, () -> codec.read(body)).getMessage();
    }

    /** The repository's own file, whichever module directory the test runs in. */
    private static Path repositoryFile(String path) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        throw new AssertionError(path + " not found above " + Path.of("").toAbsolutePath());
    }
}
