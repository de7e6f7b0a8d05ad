package despatch.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.sending.Recipient;
import despatch.sending.SendBatch;
import despatch.common.EmailAddress;
import despatch.subscription.ConsentSource;
import despatch.subscription.RequestOrigin;
import despatch.subscription.SubscribeRequest;
import despatch.subscription.SubscribeRequestCheck;
import despatch.subscription.ValidSubscription;
import despatch.testing.TestOffice;
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
        SendBatch counted = new SendBatch("c-1", "winter-surgeries", Set.of("newsletter"),
                List.of(new Recipient("s-1", EmailAddress.parse("jane@example.org.uk"))), 1, java.time.Instant.parse("2026-12-07T09:00:00Z"));
        assertEquals(counted, SendBatchCodec.CODEC.read(SendBatchCodec.CODEC.write(counted)), "the daily quota's slot travels with it");
        assertEquals(counted.quotaSlot(), SendBatchCodec.CODEC.read(SendBatchCodec.CODEC.write(counted)).retrying(counted.recipients()).quotaSlot(),
                "and with its retries");
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
        assertEquals("Not a send batch: quotaSlot must be a time in epoch seconds", refused(SendBatchCodec.CODEC,
                "{\"campaignId\":\"c\",\"slug\":\"s\",\"quotaSlot\":\"nine\",\"lists\":[],\"recipients\":[]}"));
        assertEquals("Not a send batch: no campaignId",
                refused(SendBatchCodec.CODEC, "{\"slug\":\"s\",\"lists\":[],\"recipients\":[]}"));
    }

    @Test
    void aFanOutRequestIsWrittenAsTheEmbargoScheduleAndTheQueueAlwaysWroteIt() throws Exception {
        assertEquals("{\"campaignId\":\"c-1\"}", FanOutRequest.CODEC.write(FanOutRequest.resume("c-1")));
        assertEquals("{\"campaignId\":\"c-1\",\"start\":true}", FanOutRequest.CODEC.write(FanOutRequest.startAtEmbargo("c-1")));
        assertEquals("{\"campaignId\":\"c-1\",\"idleLooks\":2}", FanOutRequest.CODEC.write(FanOutRequest.lookAgain("c-1", 2)));
        assertEquals(0, FanOutRequest.CODEC.read("{\"campaignId\":\"c-1\",\"idleLooks\":-5}").idleLooks(), "never below none");
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
    void aReRenderGoesWithARebuildAndItsNextPartWithARerender() throws Exception {
        assertEquals(SiteChange.RERENDER, SiteChange.CODEC.read("{\"rebuild\": true, \"rerender\": true}"), "as staff type it");
        assertEquals(SiteChange.rerenderAfter("bus-route"), SiteChange.CODEC.read(SiteChange.CODEC.write(SiteChange.rerenderAfter("bus-route"))));
        assertTrue(refused(SiteChange.CODEC, "{\"rerender\": true}").contains("\"rerender\": true goes with \"rebuild\": true"));
        assertTrue(refused(SiteChange.CODEC, "{\"rebuild\": true, \"after\": \"x\"}").contains("\"after\" goes with"));
    }

    @Test
    void aDataLinkRequestCarriesOnlyTheAddressAndTheApisAddress() throws Exception {
        SubscriberRequest request = SubscriberRequest.dataLink(EmailAddress.parse("Jane@Example.org.uk"), "https://api.example.org.uk");
        String body = SubscriberRequest.CODEC.write(request);

        assertEquals("{\"kind\":\"DATA_LINK\",\"address\":\"Jane@example.org.uk\",\"baseUrl\":\"https://api.example.org.uk\"}", body);
        assertEquals(request, SubscriberRequest.CODEC.read(body));
    }

    @Test
    void aSubscribeRequestCarriesTheFormAndWhereItCameFromAsTheConsentRecordStoresThem() throws Exception {
        ValidSubscription form = new SubscribeRequestCheck(TestOffice.office()).check(new SubscribeRequest(
                "Jane@Example.org.uk", "Jane \"JJ\" Smith", "SW1A 0AA", List.of("press", "newsletter"), null));
        RequestOrigin origin = RequestOrigin.web(ConsentSource.FORM, "2001:db8::1", "Mozilla/5.0 (X11; Linux) Firefox/140.0");

        SubscriberRequest read = SubscriberRequest.CODEC.read(
                SubscriberRequest.CODEC.write(SubscriberRequest.subscribe(form, origin, "https://api.example.org.uk")));

        assertEquals(SubscriberRequest.Kind.SUBSCRIBE, read.kind());
        assertEquals(form, read.subscription());
        assertEquals(List.of("press", "newsletter"), List.copyOf(read.subscription().lists()), "in the order the form gave");
        assertEquals(origin, read.origin());
        assertEquals("https://api.example.org.uk", read.baseUrl());
    }

    @Test
    void theSampleSubscriberMailEventHoldsOneRequestOfEachKind() throws Exception {
        String sample = Files.readString(repositoryFile("events/sqs-subscriber-request.json"));
        List<SubscriberRequest.Kind> kinds = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode record : new com.fasterxml.jackson.databind.ObjectMapper().readTree(sample).get("Records")) {
            kinds.add(SubscriberRequest.CODEC.read(record.get("body").asText()).kind());
        }

        assertEquals(List.of(SubscriberRequest.Kind.SUBSCRIBE, SubscriberRequest.Kind.DATA_LINK), kinds);
    }

    @Test
    void aMalformedSubscriberRequestIsRefusedWithoutQuotingTheAddress() {
        String badAddress = refused(SubscriberRequest.CODEC,
                "{\"kind\":\"DATA_LINK\",\"address\":\"someone secret@example.org\",\"baseUrl\":\"https://a\"}");
        assertEquals("Not a subscriber request: address is not an email address", badAddress);
        assertFalse(badAddress.contains("secret"));
        assertEquals("Not a subscriber request: no kind", refused(SubscriberRequest.CODEC, "{\"address\":\"a@example.org\",\"baseUrl\":\"https://a\"}"));
        assertEquals("Not a subscriber request: kind is not one of DATA_LINK, SUBSCRIBE",
                refused(SubscriberRequest.CODEC, "{\"kind\":\"ERASE\",\"address\":\"a@example.org\",\"baseUrl\":\"https://a\"}"));
        assertEquals("Not a subscriber request: no baseUrl", refused(SubscriberRequest.CODEC, "{\"kind\":\"DATA_LINK\",\"address\":\"a@example.org\"}"));
        assertEquals("Not a subscriber request: no address", refused(SubscriberRequest.CODEC, "{\"kind\":\"DATA_LINK\",\"baseUrl\":\"https://a\"}"));
    }

    @Test
    void aSubscribeRequestWithoutWhatTheConsentRecordNeedsIsRefused() {
        String start = "{\"kind\":\"SUBSCRIBE\",\"address\":\"a@example.org\",\"baseUrl\":\"https://a\"";
        assertEquals("Not a subscriber request: no lists", refused(SubscriberRequest.CODEC, start + ",\"wordingVersion\":\"2026-11\",\"source\":\"FORM\"}"));
        assertEquals("Not a subscriber request: no wordingVersion",
                refused(SubscriberRequest.CODEC, start + ",\"lists\":[\"press\"],\"source\":\"FORM\"}"));
        assertEquals("Not a subscriber request: no source",
                refused(SubscriberRequest.CODEC, start + ",\"lists\":[\"press\"],\"wordingVersion\":\"2026-11\"}"));
        assertEquals("Not a subscriber request: lists has the wrong type",
                refused(SubscriberRequest.CODEC, start + ",\"lists\":{\"press\":1},\"wordingVersion\":\"2026-11\",\"source\":\"FORM\"}"));
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
