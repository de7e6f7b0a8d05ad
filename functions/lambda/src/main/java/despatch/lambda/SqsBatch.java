package despatch.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.messages.MessageCodec;
import despatch.messages.UnreadableMessageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SQS batch read with its queue's one codec, and handled with partial batch failures. A message
 * that cannot be read is logged as {@code message.unreadable} with its queue and id (never its
 * body) and reported failed, so the queue's redrive moves it to the dead-letter queue; a readable
 * one whose handling throws is logged under the handler's own failure event and retried.
 */
final class SqsBatch<T> {
    /** One message's handling: it adds ids and counts to {@code fields}, which are logged either way. */
    @FunctionalInterface
    interface Handling<T> {
        void handle(T message, Map<String, Object> fields);
    }

    /** A message that could be read, with its id. */
    record Message<T>(String id, T body) {
    }

    private final MessageCodec<T> codec;
    private final JsonLog log;

    SqsBatch(MessageCodec<T> codec, JsonLog log) {
        this.codec = codec;
        this.log = log;
    }

    /**
     * Each message handled on its own: logged as {@code handled} when done, as {@code failed}
     * (with the error's class) when handling threw, and reported failed so SQS delivers it again.
     */
    SQSBatchResponse handleEach(SQSEvent event, String handled, String failed, Handling<T> handling) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            handleOne(message, handled, failed, handling).ifPresent(failures::add);
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * The same, with the messages handled side by side (each on a virtual thread), for a handler
     * whose work is mostly waiting and is safe to run at once: the batch's failures are reported
     * together when all are done.
     */
    SQSBatchResponse handleEachAtOnce(SQSEvent event, String handled, String failed, Handling<T> handling) {
        List<SQSBatchResponse.BatchItemFailure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<Error> error = new java.util.concurrent.atomic.AtomicReference<>();
        try (java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                threads.execute(() -> {
                    try {
                        handleOne(message, handled, failed, handling).ifPresent(failures::add);
                    } catch (Error e) {
                        error.compareAndSet(null, e);
                    }
                });
            }
        }
        // As one at a time would: an Error (out of memory, a class that will not load) fails the whole invocation,
        // so SQS delivers every message again, rather than a message being taken as done.
        if (error.get() != null) {
            throw error.get();
        }
        return SQSBatchResponse.builder().withBatchItemFailures(List.copyOf(failures)).build();
    }

    /** @return the message as failed, when it could not be read or its handling threw */
    private java.util.Optional<SQSBatchResponse.BatchItemFailure> handleOne(SQSEvent.SQSMessage message, String handled, String failed,
            Handling<T> handling) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", message.getMessageId());
        T body;
        try {
            body = read(message);
        } catch (UnreadableMessageException e) {
            return java.util.Optional.of(failure(message));
        }
        try {
            handling.handle(body, fields);
            log.info(handled, fields);
            return java.util.Optional.empty();
        } catch (RuntimeException e) {
            fields.put("error", e.getClass().getName());
            log.warn(failed, fields);
            return java.util.Optional.of(failure(message));
        }
    }

    /** The messages that can be read, in order; each one that cannot is logged as unreadable and left out. */
    List<Message<T>> readable(SQSEvent event) {
        List<Message<T>> messages = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                messages.add(new Message<>(message.getMessageId(), read(message)));
            } catch (UnreadableMessageException e) {
                // Logged by read(); the caller decides whether skipping it is safe.
            }
        }
        return messages;
    }

    private T read(SQSEvent.SQSMessage message) throws UnreadableMessageException {
        try {
            return codec.read(message.getBody());
        } catch (UnreadableMessageException e) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("queue", queueName(message.getEventSourceArn()));
            fields.put("messageId", message.getMessageId());
            // The codec's reason names the field at fault, never a value from the body.
            fields.put("problem", e.getMessage());
            log.warn("message.unreadable", fields);
            throw e;
        }
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage message) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build();
    }

    /** The queue's name: the last part of its ARN. */
    static String queueName(String arn) {
        return arn == null || arn.isBlank() ? "unknown" : arn.substring(arn.lastIndexOf(':') + 1);
    }
}
