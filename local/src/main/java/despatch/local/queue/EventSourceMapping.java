package despatch.local.queue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.LocalAwsStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * What Lambda's SQS event source mapping does for one function, against the local SQS: up to
 * MaximumConcurrency pollers each long-poll the queue for up to BatchSize messages, hand them to
 * the handler as the Lambda runtime would (an {@link SQSEvent} read by its own serialiser), then
 * delete what succeeded. With ReportBatchItemFailures, the messages the response lists stay on
 * the queue; if the handler throws, or names a message that was not in the batch, the whole batch
 * stays. Messages left on the queue come back after a visibility timeout, and the queue's
 * RedrivePolicy (ElasticMQ's job, as SQS's deployed) moves one to the dead-letter queue once its
 * receive count passes maxReceiveCount.
 *
 * <p>Differences from Lambda, all chosen for running locally: a failed message comes back after
 * {@link Options#failedMessageVisibility()} (1 s by default) instead of the queue's
 * VisibilityTimeout (SendQueue's is 360 s); a batch is at most one ReceiveMessage (10 messages),
 * whatever BatchSize says; the function's Timeout is not enforced; FilterCriteria are refused.
 */
public final class EventSourceMapping implements AutoCloseable {

    /** The longest SQS allows for a ReceiveMessage and for one batch. */
    private static final int MAX_MESSAGES_PER_RECEIVE = 10;
    private static final int MAX_POLL_WAIT_SECONDS = 20;
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);
    private static final Duration SHORT_POLL_IDLE = Duration.ofMillis(100);
    private static final Duration DRAIN_CHECK_INTERVAL = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How this local mapping departs from the deployed one.
     *
     * @param failedMessageVisibility how long a failed message stays hidden before SQS delivers it
     *                                again (ChangeMessageVisibility after the invocation); null
     *                                leaves the queue's own VisibilityTimeout, as Lambda does
     * @param pollWait                each ReceiveMessage's long-poll wait (whole seconds, 0–20) once
     *                                {@link #start() started}; {@link #close()} may wait this long for
     *                                a poll to return. A drain's own pollers always short-poll.
     *                                Zero short-polls, pausing 100 ms after an empty receive:
     *                                for tests, which start and stop many mappings
     */
    public record Options(Duration failedMessageVisibility, Duration pollWait) {

        /**
         * The local runner's choice: failures back after 1 s, so the demo and tests do not wait
         * SendQueue's 6 minutes; 2 s polls, so stopping is quick.
         */
        public static final Options LOCAL = new Options(Duration.ofSeconds(1), Duration.ofSeconds(2));

        public Options {
            Objects.requireNonNull(pollWait, "pollWait");
            if (pollWait.isNegative() || pollWait.toSeconds() > MAX_POLL_WAIT_SECONDS || pollWait.toNanosPart() != 0) {
                throw new IllegalArgumentException("pollWait must be whole seconds from 0 to 20, got " + pollWait);
            }
            if (failedMessageVisibility != null
                    && (failedMessageVisibility.isNegative() || failedMessageVisibility.toNanosPart() != 0
                            || failedMessageVisibility.toSeconds() > 43_200)) {
                throw new IllegalArgumentException("failedMessageVisibility must be whole seconds from 0 to 12 hours, got "
                        + failedMessageVisibility);
            }
        }

        public Options withFailedMessageVisibility(Duration visibility) {
            return new Options(Objects.requireNonNull(visibility, "visibility"), pollWait);
        }

        /** Failed messages come back after the queue's VisibilityTimeout, as deployed. */
        public Options withQueueVisibilityTimeout() {
            return new Options(null, pollWait);
        }

        public Options withPollWait(Duration wait) {
            return new Options(failedMessageVisibility, wait);
        }
    }

    /**
     * What happened during one {@link #drain}.
     *
     * @param queueEmpty        the queue emptied (visible, in flight and delayed all 0) before the timeout
     * @param invocations       handler calls
     * @param delivered         messages handed to the handler, counting each redelivery
     * @param deleted           messages deleted after success
     * @param reportedFailed    messages the handler listed in batchItemFailures
     * @param failedInvocations invocations whose whole batch failed: the handler threw, or its
     *                          response named a message that was not in the batch
     */
    public record DrainResult(boolean queueEmpty, int invocations, int delivered, int deleted, int reportedFailed,
            int failedInvocations) {
    }

    private final SqsClient sqs;
    private final SqsEventSource source;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final Options options;
    private final SqsEvents events;
    private final Counters counters = new Counters();
    private final AtomicInteger inFlight = new AtomicInteger();
    private Pollers pollers;
    /** start() was called: the pollers run until close(), whatever a drain started them for. */
    private boolean started;
    private volatile boolean closed;

    public EventSourceMapping(SqsClient sqs, SqsEventSource source, RequestHandler<SQSEvent, SQSBatchResponse> handler,
            Options options) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.source = Objects.requireNonNull(source, "source");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.options = Objects.requireNonNull(options, "options");
        this.events = new SqsEvents(source.queueArn(), source.region());
    }

    /** The function's only SQS event in the stack's template, with {@link Options#LOCAL}. */
    public static EventSourceMapping fromTemplate(LocalAwsStack stack, String functionLogicalId,
            RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        return fromTemplate(stack, functionLogicalId, handler, Options.LOCAL);
    }

    public static EventSourceMapping fromTemplate(LocalAwsStack stack, String functionLogicalId,
            RequestHandler<SQSEvent, SQSBatchResponse> handler, Options options) {
        return fromTemplate(stack.template(), stack.sqs(), functionLogicalId, handler, options);
    }

    /**
     * For a stack in another process ({@code ./despatch up}): the template must be resolved for
     * its SQS endpoint ({@link CloudFormationTemplate#withSqsEndpoint}) so queue URLs point there.
     */
    public static EventSourceMapping fromTemplate(CloudFormationTemplate template, SqsClient sqs, String functionLogicalId,
            RequestHandler<SQSEvent, SQSBatchResponse> handler, Options options) {
        return new EventSourceMapping(sqs, SqsEventSource.of(template, functionLogicalId), handler, options);
    }

    public SqsEventSource source() {
        return source;
    }

    public Options options() {
        return options;
    }

    /** Starts the pollers; they run until {@link #close()}. Does nothing if they already run. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("This mapping is closed");
        }
        started = true;
        if (pollers == null) {
            pollers = new Pollers(options.pollWait());
        }
    }

    /**
     * Runs until the queue is empty (no message visible, in flight or delayed, and no invocation
     * under way) or the timeout passes. If the mapping was not started, it runs only for the
     * drain: pollers are started, then stopped before this returns, in-flight invocations
     * finished. Messages headed for the dead-letter queue count as on the queue until a receive
     * moves them, which the pollers do.
     */
    public DrainResult drain(Duration timeout) {
        Counts before = counters.snapshot();
        Pollers own = null;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("This mapping is closed");
            }
            if (pollers == null) {
                // Short polls: the drain's pollers stop as soon as it ends, not after a long poll's wait.
                pollers = own = new Pollers(Duration.ZERO);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean empty;
        while (!(empty = inFlight.get() == 0 && queueIsEmpty()) && System.nanoTime() < deadline
                && !closed && !Thread.currentThread().isInterrupted()) {
            sleep(DRAIN_CHECK_INTERVAL);
        }
        if (own != null) {
            boolean stop;
            synchronized (this) {
                stop = pollers == own && !started;
                if (stop) {
                    pollers = null;
                }
            }
            if (stop) {
                own.stop();
            }
        }
        Counts during = counters.snapshot().minus(before);
        return new DrainResult(empty, during.invocations(), during.delivered(), during.deleted(), during.reportedFailed(),
                during.failedInvocations());
    }

    /** Stops polling and waits for in-flight invocations (and their deletes) to finish. */
    @Override
    public void close() {
        Pollers running;
        synchronized (this) {
            closed = true;
            running = pollers;
            pollers = null;
        }
        if (running != null) {
            running.stop();
        }
    }

    private boolean queueIsEmpty() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(source.queueUrl()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().allMatch(count -> Long.parseLong(count) == 0);
    }

    /** MaximumConcurrency threads, each receiving and invoking in turn: never more invocations at once. */
    private final class Pollers {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final Duration pollWait;
        private final ReceiveMessageRequest receive;

        Pollers(Duration pollWait) {
            this.pollWait = pollWait;
            this.receive = ReceiveMessageRequest.builder()
                    .queueUrl(source.queueUrl())
                    .maxNumberOfMessages(Math.min(source.batchSize(), MAX_MESSAGES_PER_RECEIVE))
                    .waitTimeSeconds((int) pollWait.toSeconds())
                    .messageSystemAttributeNamesWithStrings(SqsEvents.SYSTEM_ATTRIBUTES)
                    .messageAttributeNames("All")
                    .build();
            for (int i = 1; i <= source.maximumConcurrency(); i++) {
                // Daemon: a mapping nobody closed must not keep the JVM alive; close() is the clean stop.
                threads.add(Thread.ofPlatform().daemon().name("sqs-" + source.functionLogicalId() + "-" + i).start(this::poll));
            }
        }

        private void poll() {
            while (running.get()) {
                List<Message> messages;
                try {
                    messages = sqs.receiveMessage(receive).messages();
                } catch (SdkException e) {
                    if (running.get()) {
                        warn("sqs.esm.receive.error", Map.of("error", e.getClass().getName()));
                        pause(ERROR_BACKOFF);
                    }
                    continue;
                }
                // Messages received as the mapping stops are still delivered: they are in flight.
                if (!messages.isEmpty()) {
                    deliver(messages);
                } else if (pollWait.isZero()) {
                    pause(SHORT_POLL_IDLE);
                }
            }
        }

        private void pause(Duration duration) {
            long until = System.nanoTime() + duration.toNanos();
            while (running.get() && System.nanoTime() < until) {
                sleep(DRAIN_CHECK_INTERVAL);
            }
        }

        /** Waits for each poller's last receive and invocation; a hung handler is interrupted after its Timeout. */
        void stop() {
            running.set(false);
            long deadline = System.nanoTime() + pollWait.plusSeconds(source.functionTimeoutSeconds() + 5L).toNanos();
            for (Thread thread : threads) {
                try {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        thread.join(Duration.ofNanos(left));
                    }
                    if (thread.isAlive()) {
                        warn("sqs.esm.stop.timeout", Map.of("thread", thread.getName()));
                        thread.interrupt();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        inFlight.incrementAndGet();
        try {
            Set<String> failed = invoke(messages);
            List<Message> succeeded = new ArrayList<>();
            List<Message> retry = new ArrayList<>();
            for (Message message : messages) {
                (failed.contains(message.messageId()) ? retry : succeeded).add(message);
            }
            delete(succeeded);
            hideForRetry(retry);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Calls the handler; returns the ids of the messages that failed. */
    private Set<String> invoke(List<Message> messages) {
        Set<String> batch = new LinkedHashSet<>();
        messages.forEach(message -> batch.add(message.messageId()));
        SQSEvent event = events.event(messages);
        counters.invocations.incrementAndGet();
        counters.delivered.addAndGet(messages.size());
        SQSBatchResponse response;
        try {
            response = handler.handleRequest(event, InvocationContext.start(source));
        } catch (RuntimeException | Error e) {
            counters.failedInvocations.incrementAndGet();
            warn("sqs.esm.invoke.error", Map.of("messages", messages.size(), "error", e.getClass().getName()));
            return batch;
        }
        // Without ReportBatchItemFailures, Lambda ignores the response: returning means success.
        if (!source.reportBatchItemFailures() || response == null || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> failed = new LinkedHashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || !batch.contains(id)) {
                // Lambda's rule: an empty or unknown itemIdentifier fails the whole batch.
                counters.failedInvocations.incrementAndGet();
                warn("sqs.esm.response.invalid", Map.of("messages", messages.size(), "itemIdentifier", String.valueOf(id)));
                return batch;
            }
            failed.add(id);
        }
        counters.reportedFailed.addAndGet(failed.size());
        return failed;
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id("m" + i).receiptHandle(messages.get(i).receiptHandle()).build());
        }
        try {
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(source.queueUrl()).entries(entries));
            counters.deleted.addAndGet(response.successful().size());
            if (response.hasFailed() && !response.failed().isEmpty()) {
                warn("sqs.esm.delete.failed", Map.of("messages", response.failed().size(), "code", response.failed().getFirst().code()));
            }
        } catch (SdkException e) {
            // They come back after the queue's visibility timeout and are delivered again.
            warn("sqs.esm.delete.error", Map.of("messages", messages.size(), "error", e.getClass().getName()));
        }
    }

    private void hideForRetry(List<Message> messages) {
        Duration visibility = options.failedMessageVisibility();
        if (messages.isEmpty() || visibility == null) {
            return;
        }
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id("m" + i).receiptHandle(messages.get(i).receiptHandle())
                    .visibilityTimeout((int) visibility.toSeconds()).build());
        }
        try {
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(source.queueUrl()).entries(entries));
        } catch (SdkException e) {
            warn("sqs.esm.visibility.error", Map.of("messages", messages.size(), "error", e.getClass().getName()));
        }
    }

    /** One JSON line on stderr, keyed by function and queue; never a message body. */
    private void warn(String event, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "WARN");
        line.put("event", event);
        line.put("function", source.functionLogicalId());
        line.put("queue", source.queueLogicalId());
        line.putAll(fields);
        try {
            System.err.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            System.err.println("{\"level\":\"WARN\",\"event\":\"" + event + "\"}");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Counts(int invocations, int delivered, int deleted, int reportedFailed, int failedInvocations) {
        Counts minus(Counts other) {
            return new Counts(invocations - other.invocations, delivered - other.delivered, deleted - other.deleted,
                    reportedFailed - other.reportedFailed, failedInvocations - other.failedInvocations);
        }
    }

    private static final class Counters {
        final AtomicInteger invocations = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger deleted = new AtomicInteger();
        final AtomicInteger reportedFailed = new AtomicInteger();
        final AtomicInteger failedInvocations = new AtomicInteger();

        Counts snapshot() {
            return new Counts(invocations.get(), delivered.get(), deleted.get(), reportedFailed.get(), failedInvocations.get());
        }
    }
}
