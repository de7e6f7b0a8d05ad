package despatch.local.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** SendFunction's event source mapping from template.yaml, run against ElasticMQ's SendQueue and its dead-letter queue. */
class EventSourceMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Failures back after 1 s; short polls, so each drain stops at once instead of after a long poll. */
    private static final EventSourceMapping.Options OPTIONS = EventSourceMapping.Options.LOCAL.withPollWait(Duration.ZERO);
    private static final Duration DRAIN = Duration.ofSeconds(15);

    private static LocalAwsStack stack;
    private static String sendQueue;
    private static String deadLetters;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.start();
        sendQueue = stack.template().ref("SendQueue");
        deadLetters = stack.template().ref("SendDeadLetterQueue");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void emptyQueues() {
        stack.sqs().purgeQueue(b -> b.queueUrl(sendQueue));
        stack.sqs().purgeQueue(b -> b.queueUrl(deadLetters));
    }

    @Test
    void readsSendFunctionsSqsEventFromTheTemplate() {
        SqsEventSource source = SqsEventSource.of(stack.template(), "SendFunction");
        assertEquals("SendQueue", source.queueLogicalId());
        assertEquals(sendQueue, source.queueUrl());
        assertEquals(stack.template().getAtt("SendQueue", "Arn"), source.queueArn());
        assertEquals(5, source.batchSize());
        assertTrue(source.reportBatchItemFailures());
        assertEquals(2, source.maximumConcurrency());
        assertEquals(120, source.functionTimeoutSeconds());
    }

    @Test
    void deliversRecordsOfTheDeployedShapeInBatchesOfAtMostBatchSizeAndDeletesThemAll() throws Exception {
        List<SQSEvent> events = new CopyOnWriteArrayList<>();
        List<Context> contexts = new CopyOnWriteArrayList<>();
        List<String> bodies = IntStream.range(0, 25).mapToObj(i -> "{\"batch\":" + i + ",\"note\":\"Grüße £5\"}").toList();
        send(bodies);
        stack.sqs().sendMessage(b -> b.queueUrl(sendQueue).messageBody("with attributes").messageAttributes(Map.of(
                "campaignId", MessageAttributeValue.builder().dataType("String").stringValue("c-1").build(),
                "digest", MessageAttributeValue.builder().dataType("Binary")
                        .binaryValue(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build())));

        EventSourceMapping.DrainResult result;
        try (EventSourceMapping mapping = EventSourceMapping.fromTemplate(stack, "SendFunction", (event, context) -> {
            events.add(event);
            contexts.add(context);
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        }, OPTIONS)) {
            result = mapping.drain(DRAIN);
        }

        assertTrue(result.queueEmpty());
        assertEquals(26, result.delivered());
        assertEquals(26, result.deleted());
        assertEquals(events.size(), result.invocations());
        assertTrue(events.stream().allMatch(e -> !e.getRecords().isEmpty() && e.getRecords().size() <= 5), "batches of 1 to 5");
        List<SQSEvent.SQSMessage> records = events.stream().flatMap(e -> e.getRecords().stream()).toList();
        List<String> delivered = records.stream().map(SQSEvent.SQSMessage::getBody).toList();
        assertEquals(26, new HashSet<>(delivered).size(), "each message once");
        assertTrue(delivered.containsAll(bodies));

        String arn = stack.template().getAtt("SendQueue", "Arn");
        for (SQSEvent.SQSMessage record : records) {
            assertEquals("aws:sqs", record.getEventSource());
            assertEquals(arn, record.getEventSourceArn());
            assertEquals(stack.template().stack().region(), record.getAwsRegion());
            assertEquals(md5(record.getBody()), record.getMd5OfBody());
            assertNotNull(record.getReceiptHandle());
            assertEquals("1", record.getAttributes().get("ApproximateReceiveCount"));
            assertTrue(record.getAttributes().keySet().containsAll(
                    Set.of("SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp")), record.getAttributes().toString());
        }
        SQSEvent.SQSMessage withAttributes = records.stream().filter(r -> r.getBody().equals("with attributes")).findFirst().orElseThrow();
        assertEquals("c-1", withAttributes.getMessageAttributes().get("campaignId").getStringValue());
        assertEquals("String", withAttributes.getMessageAttributes().get("campaignId").getDataType());
        byte[] digest = new byte[3];
        withAttributes.getMessageAttributes().get("digest").getBinaryValue().get(digest);
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), List.of(digest[0], digest[1], digest[2]));
        assertNotNull(withAttributes.getMd5OfMessageAttributes());

        Context context = contexts.getFirst();
        assertEquals(stack.template().physicalName("SendFunction"), context.getFunctionName());
        assertTrue(context.getRemainingTimeInMillis() <= 120_000);
        assertEquals(512, context.getMemoryLimitInMB(), "SendFunction's own MemorySize, not the Globals'");
    }

    /** The same fields as the event file sam local invoke uses, so neither drifts from what the handler is tested on. */
    @Test
    void recordsHaveTheFieldsOfTheSampleEvent() throws Exception {
        send(List.of("shape"));
        Message message = stack.sqs().receiveMessage(b -> b.queueUrl(sendQueue).messageSystemAttributeNamesWithStrings(SqsEvents.SYSTEM_ATTRIBUTES)
                .messageAttributeNames("All").waitTimeSeconds(1)).messages().getFirst();
        stack.sqs().deleteMessage(b -> b.queueUrl(sendQueue).receiptHandle(message.receiptHandle()));

        JsonNode built = new SqsEvents("arn", "region").json(List.of(message)).get("Records").get(0);
        JsonNode sample = JSON.readTree(Files.readString(ProjectRoot.find().resolve("events/sqs-send-batch.json"))).get("Records").get(0);
        assertEquals(fieldNames(sample), fieldNames(built));
        assertEquals(fieldNames(sample.get("attributes")), fieldNames(built.get("attributes")));
    }

    @Test
    void aReportedFailureComesBackAfterTheShortVisibilityAndIsDeletedWhenItSucceeds() {
        send(List.of("ok-1", "flaky", "ok-2"));
        List<String> flakyReceives = new CopyOnWriteArrayList<>();
        List<Long> flakyTimes = new CopyOnWriteArrayList<>();
        List<String> seen = new CopyOnWriteArrayList<>();

        EventSourceMapping.DrainResult result;
        try (EventSourceMapping mapping = EventSourceMapping.fromTemplate(stack, "SendFunction", (event, context) -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage record : event.getRecords()) {
                seen.add(record.getBody());
                if (record.getBody().equals("flaky")) {
                    String count = record.getAttributes().get("ApproximateReceiveCount");
                    flakyReceives.add(count);
                    flakyTimes.add(System.nanoTime());
                    if (count.equals("1")) {
                        failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(record.getMessageId()).build());
                    }
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        }, OPTIONS)) {
            result = mapping.drain(DRAIN);
        }

        assertTrue(result.queueEmpty());
        assertEquals(List.of("1", "2"), flakyReceives);
        long gap = TimeUnit.NANOSECONDS.toMillis(flakyTimes.get(1) - flakyTimes.get(0));
        assertTrue(gap >= 900 && gap < 5_000, "back after the 1 s visibility, not the queue's 360 s: " + gap + " ms");
        assertEquals(1, seen.stream().filter("ok-1"::equals).count(), "a success is not delivered again");
        assertEquals(4, result.delivered());
        assertEquals(3, result.deleted());
        assertEquals(1, result.reportedFailed());
        assertEquals(0, result.failedInvocations());
    }

    @Test
    void aMessageThatAlwaysFailsEndsInTheDeadLetterQueueAfterMaxReceiveCount() {
        send(List.of("poison"));
        List<String> receives = new CopyOnWriteArrayList<>();

        EventSourceMapping.DrainResult result;
        try (EventSourceMapping mapping = EventSourceMapping.fromTemplate(stack, "SendFunction", (event, context) -> {
            event.getRecords().forEach(r -> receives.add(r.getAttributes().get("ApproximateReceiveCount")));
            return SQSBatchResponse.builder().withBatchItemFailures(event.getRecords().stream()
                    .map(r -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(r.getMessageId()).build()).toList()).build();
        }, OPTIONS.withFailedMessageVisibility(Duration.ZERO))) {
            result = mapping.drain(DRAIN);
        }

        assertTrue(result.queueEmpty());
        assertEquals(IntStream.rangeClosed(1, 10).mapToObj(String::valueOf).toList(), receives, "maxReceiveCount in template.yaml is 10");
        assertEquals(0, result.deleted());
        assertEquals(10, result.reportedFailed());
        List<Message> dead = stack.sqs().receiveMessage(b -> b.queueUrl(deadLetters).waitTimeSeconds(1)).messages();
        assertEquals(List.of("poison"), dead.stream().map(Message::body).toList());
    }

    @Test
    void aHandlerThatThrowsDeletesNothingAndTheWholeBatchComesBack() {
        send(List.of("a", "b", "c"));
        List<String> thrownOn = new CopyOnWriteArrayList<>();
        List<String> succeeded = new CopyOnWriteArrayList<>();

        EventSourceMapping.DrainResult result;
        try (EventSourceMapping mapping = new EventSourceMapping(stack.sqs(), onePoller(SqsEventSource.of(stack.template(), "SendFunction")),
                (event, context) -> {
                    List<String> bodies = event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList();
                    if (thrownOn.isEmpty()) {
                        thrownOn.addAll(bodies);
                        throw new IllegalStateException("SES is down");
                    }
                    succeeded.addAll(bodies);
                    return null;
                }, OPTIONS.withFailedMessageVisibility(Duration.ZERO))) {
            result = mapping.drain(DRAIN);
        }

        assertTrue(result.queueEmpty());
        assertEquals(1, result.failedInvocations());
        assertEquals(3, result.deleted());
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(succeeded));
        assertEquals(3, succeeded.size(), "each delivered once more after the failure, none deleted by it");
        assertEquals(thrownOn.size() + 3, result.delivered());
    }

    @Test
    void anUnknownItemIdentifierFailsTheWholeBatchAsLambdaDoes() {
        send(List.of("x"));
        AtomicInteger calls = new AtomicInteger();

        EventSourceMapping.DrainResult result;
        try (EventSourceMapping mapping = EventSourceMapping.fromTemplate(stack, "SendFunction", (event, context) -> {
            String id = calls.incrementAndGet() == 1 ? "not-in-this-batch" : null;
            return SQSBatchResponse.builder().withBatchItemFailures(id == null ? List.of()
                    : List.of(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())).build();
        }, OPTIONS.withFailedMessageVisibility(Duration.ZERO))) {
            result = mapping.drain(DRAIN);
        }

        assertEquals(2, result.delivered());
        assertEquals(1, result.failedInvocations());
        assertEquals(1, result.deleted());
    }

    @Test
    void withoutReportBatchItemFailuresAReturnedResponseStillDeletesEverything() {
        send(List.of("p", "q"));
        SqsEventSource declared = SqsEventSource.of(stack.template(), "SendFunction");
        SqsEventSource plain = new SqsEventSource(declared.functionLogicalId(), declared.functionName(), declared.functionArn(),
                declared.eventName(), declared.queueLogicalId(), declared.queueUrl(), declared.queueArn(), declared.region(),
                declared.batchSize(), false, 1, declared.functionTimeoutSeconds(), declared.functionMemoryMb());

        EventSourceMapping.DrainResult result;
        try (EventSourceMapping mapping = new EventSourceMapping(stack.sqs(), plain, (event, context) -> SQSBatchResponse.builder()
                .withBatchItemFailures(List.of(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(event.getRecords().getFirst().getMessageId()).build())).build(), OPTIONS)) {
            result = mapping.drain(DRAIN);
        }

        assertTrue(result.queueEmpty());
        assertEquals(2, result.delivered());
        assertEquals(2, result.deleted());
        assertEquals(0, result.reportedFailed());
    }

    @Test
    void concurrentInvocationsNeverExceedMaximumConcurrency() {
        send(IntStream.range(0, 60).mapToObj(i -> "m" + i).toList());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();

        EventSourceMapping.DrainResult result;
        try (EventSourceMapping mapping = EventSourceMapping.fromTemplate(stack, "SendFunction", (event, context) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            batchSizes.add(event.getRecords().size());
            sleep(Duration.ofMillis(100));
            running.decrementAndGet();
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        }, OPTIONS)) {
            result = mapping.drain(DRAIN);
        }

        assertTrue(result.queueEmpty());
        assertEquals(60, result.deleted());
        assertEquals(2, most.get(), "SendFunction's MaximumConcurrency is 2: both pollers busy, never a third");
        assertTrue(batchSizes.stream().allMatch(size -> size <= 5), batchSizes.toString());
    }

    @Test
    void closeWaitsForTheInvocationInFlightAndItsDelete() throws Exception {
        send(List.of("slow"));
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();

        EventSourceMapping mapping = EventSourceMapping.fromTemplate(stack, "SendFunction", (event, context) -> {
            started.countDown();
            sleep(Duration.ofMillis(500));
            finished.incrementAndGet();
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        }, EventSourceMapping.Options.LOCAL.withPollWait(Duration.ofSeconds(1)));
        mapping.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        mapping.close();

        assertEquals(1, finished.get());
        Map<String, String> counts = stack.sqs().getQueueAttributes(b -> b.queueUrl(sendQueue).attributeNamesWithStrings(
                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
        assertEquals(Map.of("ApproximateNumberOfMessages", "0", "ApproximateNumberOfMessagesNotVisible", "0"), counts,
                "deleted before close returned");
    }

    private static SqsEventSource onePoller(SqsEventSource s) {
        return new SqsEventSource(s.functionLogicalId(), s.functionName(), s.functionArn(), s.eventName(), s.queueLogicalId(),
                s.queueUrl(), s.queueArn(), s.region(), s.batchSize(), s.reportBatchItemFailures(), 1, s.functionTimeoutSeconds(),
                s.functionMemoryMb());
    }

    private static void send(List<String> bodies) {
        for (int start = 0; start < bodies.size(); start += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = start; i < Math.min(start + 10, bodies.size()); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies.get(i)).build());
            }
            stack.sqs().sendMessageBatch(b -> b.queueUrl(sendQueue).entries(entries));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String md5(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
