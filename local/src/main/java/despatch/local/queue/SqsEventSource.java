package despatch.local.queue;

import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SAM function's SQS event (an entry of its Events with {@code Type: SQS}) as template.yaml
 * declares it, resolved for one stack: the settings Lambda's event source mapping works from.
 *
 * @param functionLogicalId        the function, e.g. SendFunction
 * @param functionName             its physical name, for the invocation context
 * @param functionArn              its ARN, for the invocation context
 * @param eventName                the key under the function's Events, e.g. SendBatches
 * @param queueLogicalId           the queue resource the event's Queue ARN names
 * @param queueUrl                 what {@code !Ref Queue} gives (the local SQS when the template is resolved for it)
 * @param queueArn                 what {@code !GetAtt Queue.Arn} gives: the records' eventSourceARN
 * @param region                   the records' awsRegion
 * @param batchSize                BatchSize, 10 when absent (SAM's default for SQS)
 * @param reportBatchItemFailures  FunctionResponseTypes holds ReportBatchItemFailures
 * @param maximumConcurrency       ScalingConfig.MaximumConcurrency; 1 when absent (locally, not Lambda's default)
 * @param functionTimeoutSeconds   the function's Timeout (own, else Globals, else 3), for getRemainingTimeInMillis
 * @param functionMemoryMb         the function's MemorySize (own, else Globals, else 128)
 */
public record SqsEventSource(String functionLogicalId, String functionName, String functionArn, String eventName, String queueLogicalId,
        String queueUrl, String queueArn, String region, int batchSize, boolean reportBatchItemFailures, int maximumConcurrency,
        int functionTimeoutSeconds, int functionMemoryMb) {

    static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

    public SqsEventSource {
        if (batchSize < 1) {
            throw new IllegalArgumentException("BatchSize must be at least 1, got " + batchSize);
        }
        if (maximumConcurrency < 1) {
            throw new IllegalArgumentException("MaximumConcurrency must be at least 1, got " + maximumConcurrency);
        }
    }

    /** The function's only SQS event; fails when it has none or several (name one then). */
    public static SqsEventSource of(CloudFormationTemplate template, String functionLogicalId) {
        List<String> names = sqsEventNames(template, functionLogicalId);
        if (names.size() != 1) {
            throw new IllegalArgumentException(functionLogicalId + " has " + names.size() + " SQS events " + names
                    + ": name the one to map");
        }
        return of(template, functionLogicalId, names.getFirst());
    }

    public static SqsEventSource of(CloudFormationTemplate template, String functionLogicalId, String eventName) {
        Map<String, Object> event = map(events(template, functionLogicalId).get(eventName), functionLogicalId + ".Events." + eventName);
        if (!"SQS".equals(event.get("Type"))) {
            throw new IllegalArgumentException(functionLogicalId + ".Events." + eventName + " is of Type " + event.get("Type") + ", not SQS");
        }
        Map<String, Object> properties = map(template.resolve(event.get("Properties")), eventName + ".Properties");
        // Lambda deletes messages a filter rejects: running without the filter would deliver them instead.
        if (properties.containsKey("FilterCriteria")) {
            throw new IllegalArgumentException(functionLogicalId + "." + eventName + ": FilterCriteria is not supported locally");
        }
        String queueArn = text(properties.get("Queue"), eventName + ".Queue");
        String queueId = queueWithArn(template, queueArn);
        List<?> responseTypes = properties.get("FunctionResponseTypes") instanceof List<?> list ? list : List.of();
        Map<String, Object> scaling = map(properties.get("ScalingConfig"), eventName + ".ScalingConfig");
        return new SqsEventSource(
                functionLogicalId,
                template.physicalName(functionLogicalId),
                template.getAtt(functionLogicalId, "Arn"),
                eventName,
                queueId,
                template.ref(queueId),
                queueArn,
                template.stack().region(),
                integer(properties.get("BatchSize"), 10),
                responseTypes.stream().anyMatch(REPORT_BATCH_ITEM_FAILURES::equals),
                integer(template.resolve(scaling.get("MaximumConcurrency")), 1),
                integer(template.resolve(template.functionProperty(functionLogicalId, "Timeout")), 3),
                integer(template.resolve(template.functionProperty(functionLogicalId, "MemorySize")), 128));
    }

    /** The names of the function's events of Type SQS, in template order. */
    public static List<String> sqsEventNames(CloudFormationTemplate template, String functionLogicalId) {
        List<String> names = new ArrayList<>();
        events(template, functionLogicalId).forEach((name, event) -> {
            if (event instanceof Map<?, ?> body && "SQS".equals(body.get("Type"))) {
                names.add(name);
            }
        });
        return names;
    }

    private static Map<String, Object> events(CloudFormationTemplate template, String functionLogicalId) {
        TemplateResource function = template.resource(functionLogicalId);
        if (!CloudFormationTemplate.SERVERLESS_FUNCTION.equals(function.type())) {
            throw new IllegalArgumentException(functionLogicalId + " is a " + function.type() + ", not a SAM function");
        }
        return map(function.property("Events"), functionLogicalId + ".Events");
    }

    /** Matching by ARN takes any way of writing it: !GetAtt Queue.Arn, a !Sub, a literal. */
    private static String queueWithArn(CloudFormationTemplate template, String arn) {
        for (TemplateResource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            if (template.getAtt(queue.logicalId(), "Arn").equals(arn)) {
                return queue.logicalId();
            }
        }
        throw new IllegalArgumentException("No queue in the template has the ARN " + arn + ": only the stack's own queues run locally");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " should be a mapping, got: " + value);
    }

    private static String text(Object value, String where) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(where + " should resolve to a queue ARN, got: " + value);
    }

    private static int integer(Object value, int absent) {
        if (value == null) {
            return absent;
        }
        return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
    }

    /** The same event source for a function given another timeout (what its handler sees as the time it has left). */
    public SqsEventSource withFunctionTimeout(int seconds) {
        return new SqsEventSource(functionLogicalId, functionName, functionArn, eventName, queueLogicalId, queueUrl, queueArn, region, batchSize,
                reportBatchItemFailures, maximumConcurrency, seconds, functionMemoryMb);
    }

    /**
     * The same with fewer pollers than the template allows, so a bench can run one worker of
     * several (which still takes only its share of the rate) when the machine cannot run them all.
     */
    public SqsEventSource withMaximumConcurrency(int pollers) {
        return new SqsEventSource(functionLogicalId, functionName, functionArn, eventName, queueLogicalId, queueUrl, queueArn, region, batchSize,
                reportBatchItemFailures, pollers, functionTimeoutSeconds, functionMemoryMb);
    }
}
