package despatch.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.messages.FanOutRequest;
import despatch.messages.SubscriberRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one way SQS batches are read and failed: an unreadable message is never mistaken for a failure to handle a readable one. */
class SqsBatchTest {
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-2:123456789012:despatch-FanOutQueue-AbC123";
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8));

    private static SQSEvent event(String... bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m-" + i);
            message.setBody(bodies[i]);
            message.setEventSourceArn(QUEUE_ARN);
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logged.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(new ObjectMapper().readTree(line));
            }
        }
        return lines;
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void anUnreadableMessageIsReportedAsUnreadableWithItsQueueAndIdAndFailedAlone() throws Exception {
        List<String> handled = new ArrayList<>();

        SQSBatchResponse response = new SqsBatch<>(FanOutRequest.CODEC, log).handleEach(
                event("{\"campaignId\":\"c-1\"}", "{\"campaign\": \"typo\"}", "{\"campaignId\":\"c-2\",\"start\":true}"),
                "fanout", "fanout.failed", (request, fields) -> handled.add(request.campaignId()));

        assertEquals(List.of("m-1"), failed(response), "only the unreadable message goes back, on its way to the dead-letter queue");
        assertEquals(List.of("c-1", "c-2"), handled);
        JsonNode unreadable = lines().stream().filter(l -> l.path("event").asText().equals("message.unreadable")).findFirst().orElseThrow();
        assertEquals("WARN", unreadable.path("level").asText());
        assertEquals("despatch-FanOutQueue-AbC123", unreadable.path("queue").asText());
        assertEquals("m-1", unreadable.path("messageId").asText());
        assertEquals("Not a fan-out request: no campaignId", unreadable.path("problem").asText());
        assertEquals(List.of("fanout", "message.unreadable", "fanout"), lines().stream().map(l -> l.path("event").asText()).toList());
    }

    @Test
    void aFailureToHandleAReadableMessageIsADifferentEventNamingTheError() throws Exception {
        SQSBatchResponse response = new SqsBatch<>(FanOutRequest.CODEC, log).handleEach(event("{\"campaignId\":\"c-1\"}"),
                "fanout", "fanout.failed", (request, fields) -> {
                    fields.put("campaignId", request.campaignId());
                    throw new IllegalStateException("DynamoDB was unreachable");
                });

        assertEquals(List.of("m-0"), failed(response), "retried: the next delivery may succeed");
        JsonNode line = lines().getFirst();
        assertEquals("fanout.failed", line.path("event").asText());
        assertEquals("m-0", line.path("messageId").asText());
        assertEquals("c-1", line.path("campaignId").asText());
        assertEquals(IllegalStateException.class.getName(), line.path("error").asText());
        assertTrue(lines().stream().noneMatch(l -> l.path("event").asText().equals("message.unreadable")));
    }

    @Test
    void theUnreadableLogLineNeverHoldsTheBody() throws Exception {
        String body = "{\"address\":\"jane.secret@example.org\"}";

        SQSBatchResponse response = new SqsBatch<>(SubscriberRequest.CODEC, log).handleEach(event(body),
                "subscriber.mail", "subscriber.mail.failed", (request, fields) -> { });

        assertEquals(List.of("m-0"), failed(response));
        assertFalse(logged.toString(StandardCharsets.UTF_8).contains("jane.secret"), logged.toString(StandardCharsets.UTF_8));
        assertEquals("Not a subscriber request: no kind", lines().getFirst().path("problem").asText());
    }

    @Test
    void readableLeavesOutWhatCannotBeReadAndSaysSo() throws Exception {
        List<SqsBatch.Message<FanOutRequest>> messages = new SqsBatch<>(FanOutRequest.CODEC, log)
                .readable(event("not json", "{\"campaignId\":\"c-1\"}"));

        assertEquals(List.of(new SqsBatch.Message<>("m-1", FanOutRequest.resume("c-1"))), messages);
        assertEquals("m-0", lines().getFirst().path("messageId").asText());
        assertEquals("Not a fan-out request: not JSON", lines().getFirst().path("problem").asText());
    }
}
