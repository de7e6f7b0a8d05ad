package despatch.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
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
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Counts what a DynamoDbClient sends, per operation: HTTP requests (retries included), bytes on
 * the wire, time waiting for each answer, and the capacity units DynamoDB would charge, estimated
 * from the items in the requests and responses ({@link DynamoDbItemSize}). Production code does
 * not ask for ReturnConsumedCapacity, so the estimate reads the items instead of changing requests.
 * A write that fails its condition is still charged, so single-item writes are counted as they
 * are sent; batch writes once answered, less what DynamoDB handed back unprocessed.
 */
final class DynamoDbRequestCounter implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> SENT_AT = new ExecutionAttribute<>("despatch.bench.sentAt");
    private static final ExecutionAttribute<Boolean> ANSWERED = new ExecutionAttribute<>("despatch.bench.answered");

    private final ConcurrentMap<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAccumulator mostInFlight = new LongAccumulator(Math::max, 0);

    /** One operation's totals since the last reset. */
    record Operation(String name, long requests, long failed, double wallMillis, long requestBytes, long responseBytes,
            double writeUnits, double readUnits, long itemsRead, long itemBytesRead, long largestItemRead) {

        double meanMillis() {
            return requests == 0 ? 0 : wallMillis / requests;
        }
    }

    /** Everything since the last reset, operations by name; {@code mostInFlight} is the peak of concurrent requests. */
    record Snapshot(List<Operation> operations, long mostInFlight) {

        Operation total() {
            return new Operation("total", sum(Operation::requests), sum(Operation::failed),
                    operations.stream().mapToDouble(Operation::wallMillis).sum(), sum(Operation::requestBytes),
                    sum(Operation::responseBytes), operations.stream().mapToDouble(Operation::writeUnits).sum(),
                    operations.stream().mapToDouble(Operation::readUnits).sum(), sum(Operation::itemsRead),
                    sum(Operation::itemBytesRead), operations.stream().mapToLong(Operation::largestItemRead).max().orElse(0));
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
        final DoubleAdder writeUnits = new DoubleAdder();
        final DoubleAdder readUnits = new DoubleAdder();
        final LongAdder itemsRead = new LongAdder();
        final LongAdder itemBytesRead = new LongAdder();
        final LongAccumulator largestItemRead = new LongAccumulator(Math::max, 0);

        Operation snapshot(String name) {
            return new Operation(name, requests.sum(), failed.sum(), nanos.sum() / 1e6, requestBytes.sum(), responseBytes.sum(),
                    writeUnits.sum(), readUnits.sum(), itemsRead.sum(), itemBytesRead.sum(), largestItemRead.get());
        }
    }

    void reset() {
        tallies.clear();
        mostInFlight.reset();
    }

    Snapshot snapshot() {
        List<Operation> operations = tallies.entrySet().stream().map(e -> e.getValue().snapshot(e.getKey()))
                .sorted(Comparator.comparing(Operation::name)).toList();
        return new Snapshot(operations, mostInFlight.get());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Tally tally = tally(attributes);
        tally.requests.increment();
        tally.requestBytes.add(context.requestBody().flatMap(RequestBody::optionalContentLength).orElse(0L));
        tally.writeUnits.add(singleItemWriteUnits(context.request()));
        mostInFlight.accumulate(inFlight.incrementAndGet());
        attributes.putAttribute(SENT_AT, System.nanoTime());
        attributes.putAttribute(ANSWERED, false);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        inFlight.decrementAndGet();
        attributes.putAttribute(ANSWERED, true);
        Tally tally = tally(attributes);
        tally.nanos.add(System.nanoTime() - attributes.getAttribute(SENT_AT));
        tally.responseBytes.add(contentLength(context.httpResponse()));
        if (!context.httpResponse().isSuccessful()) {
            tally.failed.increment();
        }
    }

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        Tally tally = tally(attributes);
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (request instanceof BatchWriteItemRequest batch && response instanceof BatchWriteItemResponse answer) {
            tally.writeUnits.add(batchWriteUnits(batch.requestItems()) - batchWriteUnits(answer.unprocessedItems()));
        } else if (request instanceof GetItemRequest get && response instanceof GetItemResponse answer) {
            long size = answer.hasItem() ? DynamoDbItemSize.of(answer.item()) : 0;
            read(tally, answer.hasItem() ? List.of(answer.item()) : List.of(), size, Boolean.TRUE.equals(get.consistentRead()));
        } else if (request instanceof BatchGetItemRequest batch && response instanceof BatchGetItemResponse answer) {
            batchRead(tally, batch, answer);
        } else if (request instanceof QueryRequest query && response instanceof QueryResponse answer) {
            long size = answer.items().stream().mapToLong(DynamoDbItemSize::of).sum();
            read(tally, answer.items(), size, Boolean.TRUE.equals(query.consistentRead()));
        }
    }

    /** A request that never got an answer (connection refused, timed out) is no longer in flight. */
    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (Boolean.FALSE.equals(attributes.getAttribute(ANSWERED))) {
            inFlight.decrementAndGet();
            attributes.putAttribute(ANSWERED, true);
            tally(attributes).failed.increment();
        }
    }

    /**
     * BatchGetItem is charged per item, each rounded up to 4 KB; a key with no item still costs
     * the minimum (1 unit strongly consistent, 0.5 eventually), which is most keys of a first import.
     */
    private static void batchRead(Tally tally, BatchGetItemRequest batch, BatchGetItemResponse answer) {
        batch.requestItems().forEach((table, keys) -> {
            boolean consistent = Boolean.TRUE.equals(keys.consistentRead());
            List<Map<String, AttributeValue>> items = answer.responses().getOrDefault(table, List.of());
            KeysAndAttributes unprocessed = answer.unprocessedKeys().get(table);
            long missing = keys.keys().size() - items.size() - (unprocessed == null ? 0 : unprocessed.keys().size());
            long bytes = items.stream().mapToLong(DynamoDbItemSize::of).sum();
            double units = items.stream().mapToDouble(item -> DynamoDbItemSize.readUnits(DynamoDbItemSize.of(item), consistent)).sum()
                    + missing * DynamoDbItemSize.readUnits(1, consistent);
            tally.readUnits.add(units);
            tally.itemsRead.add(items.size());
            tally.itemBytesRead.add(bytes);
            items.forEach(item -> tally.largestItemRead.accumulate(DynamoDbItemSize.of(item)));
        });
    }

    private static void read(Tally tally, List<Map<String, AttributeValue>> items, long bytes, boolean consistent) {
        tally.readUnits.add(DynamoDbItemSize.readUnits(bytes, consistent));
        tally.itemsRead.add(items.size());
        tally.itemBytesRead.add(bytes);
        items.forEach(item -> tally.largestItemRead.accumulate(DynamoDbItemSize.of(item)));
    }

    /** PutItem by the item's size; UpdateItem by its key and new values (the address items are far under 1 KB); DeleteItem 1. */
    private static double singleItemWriteUnits(SdkRequest request) {
        return switch (request) {
            case PutItemRequest put -> DynamoDbItemSize.writeUnits(DynamoDbItemSize.of(put.item()));
            case UpdateItemRequest update -> DynamoDbItemSize.writeUnits(DynamoDbItemSize.of(update.key())
                    + DynamoDbItemSize.of(update.expressionAttributeValues()));
            case DeleteItemRequest delete -> 1;
            default -> 0;
        };
    }

    private static double batchWriteUnits(Map<String, List<WriteRequest>> writesByTable) {
        return writesByTable.values().stream().flatMap(List::stream)
                .mapToDouble(write -> write.putRequest() != null
                        ? DynamoDbItemSize.writeUnits(DynamoDbItemSize.of(write.putRequest().item())) : 1)
                .sum();
    }

    private static long contentLength(SdkHttpResponse response) {
        return response.firstMatchingHeader("Content-Length").map(Long::parseLong).orElse(0L);
    }

    private Tally tally(ExecutionAttributes attributes) {
        return tallies.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), name -> new Tally());
    }
}
