package despatch.bench;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Counts what one SDK client sends, per operation: HTTP requests (retries included), failures,
 * bytes on the wire and time waiting for answers; for the services billed by something other than
 * the request, what they bill by. SQS bills each started 64 KB of a request's message payload as a
 * request ({@link Operation#billedRequests()}); messages sent or received are counted, and
 * ReceiveMessage calls that returned nothing apart (Lambda's pollers make those whether or not a
 * campaign runs). SES: emails accepted. One counter per client, so per service or per caller.
 */
final class ServiceRequestCounter implements ExecutionInterceptor {
    /** SQS: "each 64 KB chunk of a payload is billed as 1 request". */
    static final long SQS_BILLING_CHUNK = 64 * 1024;
    private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("despatch.bench.service.sentAt");

    private final String service;
    private final ConcurrentMap<String, Tally> tallies = new ConcurrentHashMap<>();

    ServiceRequestCounter(String service) {
        this.service = service;
    }

    /**
     * One operation's totals.
     *
     * @param billedRequests requests as billed: SQS's 64 KB chunks of payload, else one per request
     * @param messages       SQS messages sent or received; SES emails accepted
     * @param payloadBytes   SQS message bodies and attributes sent or received
     * @param emptyReceives  ReceiveMessage answers without a message
     */
    record Operation(String name, long requests, long failed, double wallMillis, long requestBytes, long responseBytes,
            long billedRequests, long messages, long payloadBytes, long emptyReceives) {

        double meanMillis() {
            return requests == 0 ? 0 : wallMillis / requests;
        }
    }

    /** Everything since the last reset, operations by name. */
    record Snapshot(String service, List<Operation> operations) {

        Operation total() {
            return new Operation("total", sum(Operation::requests), sum(Operation::failed),
                    operations.stream().mapToDouble(Operation::wallMillis).sum(), sum(Operation::requestBytes),
                    sum(Operation::responseBytes), sum(Operation::billedRequests), sum(Operation::messages),
                    sum(Operation::payloadBytes), sum(Operation::emptyReceives));
        }

        Operation operation(String name) {
            return operations.stream().filter(op -> op.name().equals(name)).findFirst()
                    .orElse(new Operation(name, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }

        private long sum(ToLongFunction<Operation> field) {
            return operations.stream().mapToLong(field).sum();
        }
    }

    private static final class Tally {
        final LongAdder requests = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder requestBytes = new LongAdder();
        final LongAdder responseBytes = new LongAdder();
        final LongAdder extraBilled = new LongAdder();
        final LongAdder messages = new LongAdder();
        final LongAdder payloadBytes = new LongAdder();
        final LongAdder emptyReceives = new LongAdder();

        Operation snapshot(String name) {
            return new Operation(name, requests.sum(), failed.sum(), nanos.sum() / 1e6, requestBytes.sum(), responseBytes.sum(),
                    requests.sum() + extraBilled.sum(), messages.sum(), payloadBytes.sum(), emptyReceives.sum());
        }
    }

    String service() {
        return service;
    }

    void reset() {
        tallies.clear();
    }

    Snapshot snapshot() {
        return new Snapshot(service, tallies.entrySet().stream().map(e -> e.getValue().snapshot(e.getKey()))
                .sorted(Comparator.comparing(Operation::name)).toList());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Tally tally = tally(attributes);
        tally.requests.increment();
        tally.requestBytes.add(context.requestBody().flatMap(RequestBody::optionalContentLength).orElse(0L));
        attributes.putAttribute(SENT_AT, System.nanoTime());
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Tally tally = tally(attributes);
        tally.nanos.add(System.nanoTime() - attributes.getAttribute(SENT_AT));
        tally.responseBytes.add(context.httpResponse().firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L));
        if (!context.httpResponse().isSuccessful()) {
            tally.failed.increment();
        }
    }

    /** Once per successful call: what the service bills by, from the request and its answer. */
    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        Tally tally = tally(attributes);
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        long payload = switch (request) {
            case SendMessageRequest send -> bytes(send.messageBody()) + attributeBytes(send.messageAttributes());
            case SendMessageBatchRequest batch -> batch.entries().stream().mapToLong(ServiceRequestCounter::entryBytes).sum();
            default -> -1;
        };
        if (request instanceof SendMessageRequest) {
            tally.messages.increment();
        } else if (request instanceof SendMessageBatchRequest batch) {
            tally.messages.add(batch.entries().size());
        }
        if (response instanceof ReceiveMessageResponse received) {
            payload = received.messages().stream().mapToLong(ServiceRequestCounter::messageBytes).sum();
            tally.messages.add(received.messages().size());
            if (received.messages().isEmpty()) {
                tally.emptyReceives.increment();
            }
        }
        if (payload >= 0) {
            tally.payloadBytes.add(payload);
            tally.extraBilled.add(Math.max(1, (payload + SQS_BILLING_CHUNK - 1) / SQS_BILLING_CHUNK) - 1);
        }
        if (response instanceof SendEmailResponse) {
            tally.messages.increment();
        }
    }

    /** A request that never got an answer (connection refused, timed out). */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.httpResponse().isEmpty()) {
            tally(attributes).failed.increment();
        }
    }

    private static long entryBytes(SendMessageBatchRequestEntry entry) {
        return bytes(entry.messageBody()) + attributeBytes(entry.messageAttributes());
    }

    private static long messageBytes(Message message) {
        return bytes(message.body()) + attributeBytes(message.messageAttributes());
    }

    /** Name, type and value, as SQS counts a message attribute towards the message's size. */
    private static long attributeBytes(java.util.Map<String, MessageAttributeValue> attributes) {
        return attributes.entrySet().stream().mapToLong(e -> bytes(e.getKey()) + bytes(e.getValue().dataType())
                + bytes(e.getValue().stringValue()) + (e.getValue().binaryValue() == null ? 0 : e.getValue().binaryValue().asByteArray().length))
                .sum();
    }

    private static long bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private Tally tally(ExecutionAttributes attributes) {
        return tallies.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), name -> new Tally());
    }
}
