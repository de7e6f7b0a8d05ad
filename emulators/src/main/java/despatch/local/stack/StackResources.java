package despatch.local.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates the buckets, tables and queues template.yaml declares, as it declares them. Only what
 * changes behaviour is carried over: keys, indexes, billing mode, queue timings and redrive.
 * Point-in-time recovery, encryption and TTL have no local effect (dynalite does not do them).
 * Existing ones (a persistent state directory) are kept.
 */
final class StackResources {

    /** Queue attributes ElasticMQ understands; encryption settings are AWS-only. */
    private static final Set<String> QUEUE_ATTRIBUTES = Set.of(
            "DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds",
            "VisibilityTimeout", "FifoQueue", "ContentBasedDeduplication", "RedrivePolicy");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudFormationTemplate template;

    StackResources(CloudFormationTemplate template) {
        this.template = template;
    }

    void createBuckets(S3Client s3) {
        for (TemplateResource bucket : template.resourcesOfType("AWS::S3::Bucket")) {
            try {
                s3.createBucket(b -> b.bucket(template.physicalName(bucket.logicalId())));
            } catch (BucketAlreadyOwnedByYouException alreadyThere) {
                // Kept from an earlier run in the same state directory.
            }
        }
    }

    void createTables(DynamoDbClient dynamoDb) {
        for (TemplateResource table : template.resourcesOfType("AWS::DynamoDB::Table")) {
            createTable(dynamoDb, tableRequest(table));
        }
        for (TemplateResource table : template.resourcesOfType("AWS::Serverless::SimpleTable")) {
            createTable(dynamoDb, simpleTableRequest(table));
        }
    }

    /** Dead-letter queues first: a RedrivePolicy may only name a queue that exists. */
    void createQueues(SqsClient sqs) {
        List<TemplateResource> queues = new ArrayList<>(template.resourcesOfType("AWS::SQS::Queue"));
        queues.sort((a, b) -> Boolean.compare(a.property("RedrivePolicy") != null, b.property("RedrivePolicy") != null));
        for (TemplateResource queue : queues) {
            Map<String, String> attributes = new HashMap<>();
            resolvedProperties(queue).forEach((name, value) -> {
                if (QUEUE_ATTRIBUTES.contains(name)) {
                    attributes.put(name, value instanceof Map<?, ?> policy ? json(policy) : IntrinsicResolver.text(value));
                }
            });
            sqs.createQueue(b -> b.queueName(template.physicalName(queue.logicalId())).attributesWithStrings(attributes));
        }
    }

    private CreateTableRequest tableRequest(TemplateResource table) {
        Map<String, Object> p = resolvedProperties(table);
        boolean onDemand = "PAY_PER_REQUEST".equals(p.get("BillingMode"));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(template.physicalName(table.logicalId()))
                .attributeDefinitions(maps(p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(string(a, "AttributeName")).attributeType(string(a, "AttributeType")).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")))
                .billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED);
        if (!onDemand) {
            request.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
        }
        List<GlobalSecondaryIndex> gsis = maps(p.get("GlobalSecondaryIndexes")).stream()
                .map(i -> {
                    GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                            .indexName(string(i, "IndexName"))
                            .keySchema(keySchema(i.get("KeySchema")))
                            .projection(projection(i.get("Projection")));
                    if (!onDemand) {
                        gsi.provisionedThroughput(throughput(i.get("ProvisionedThroughput")));
                    }
                    return gsi.build();
                })
                .toList();
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        List<LocalSecondaryIndex> lsis = maps(p.get("LocalSecondaryIndexes")).stream()
                .map(i -> LocalSecondaryIndex.builder()
                        .indexName(string(i, "IndexName"))
                        .keySchema(keySchema(i.get("KeySchema")))
                        .projection(projection(i.get("Projection")))
                        .build())
                .toList();
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis);
        }
        return request.build();
    }

    /** SAM's SimpleTable: one string/number/binary hash key, id:String unless it says otherwise. */
    private CreateTableRequest simpleTableRequest(TemplateResource table) {
        Map<String, Object> p = resolvedProperties(table);
        Map<String, Object> key = p.get("PrimaryKey") instanceof Map<?, ?> m ? asStringMap(m) : Map.of("Name", "id", "Type", "String");
        String type = switch (string(key, "Type")) {
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> "S";
        };
        return CreateTableRequest.builder()
                .tableName(template.physicalName(table.logicalId()))
                .attributeDefinitions(AttributeDefinition.builder().attributeName(string(key, "Name")).attributeType(type).build())
                .keySchema(KeySchemaElement.builder().attributeName(string(key, "Name")).keyType("HASH").build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private static void createTable(DynamoDbClient dynamoDb, CreateTableRequest request) {
        try {
            dynamoDb.createTable(request);
        } catch (ResourceInUseException alreadyThere) {
            // Kept from an earlier run in the same state directory.
        }
    }

    private Map<String, Object> resolvedProperties(TemplateResource resource) {
        return asStringMap((Map<?, ?>) template.resolve(resource.properties()));
    }

    private static List<KeySchemaElement> keySchema(Object value) {
        return maps(value).stream()
                .map(k -> KeySchemaElement.builder().attributeName(string(k, "AttributeName")).keyType(string(k, "KeyType")).build())
                .toList();
    }

    private static Projection projection(Object value) {
        Map<String, Object> p = value instanceof Map<?, ?> m ? asStringMap(m) : Map.of();
        Projection.Builder projection = Projection.builder().projectionType(p.containsKey("ProjectionType") ? string(p, "ProjectionType") : "ALL");
        if (p.get("NonKeyAttributes") instanceof List<?> attributes) {
            projection.nonKeyAttributes(attributes.stream().map(IntrinsicResolver::text).toList());
        }
        return projection.build();
    }

    /** Provisioned tables without a stated throughput get a small one; locally it changes nothing. */
    private static ProvisionedThroughput throughput(Object value) {
        Map<String, Object> t = value instanceof Map<?, ?> m ? asStringMap(m) : Map.of();
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(IntrinsicResolver.text(t.getOrDefault("ReadCapacityUnits", 5))))
                .writeCapacityUnits(Long.parseLong(IntrinsicResolver.text(t.getOrDefault("WriteCapacityUnits", 5))))
                .build();
    }

    private static List<Map<String, Object>> maps(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> asStringMap((Map<?, ?>) item)).toList();
        }
        throw new IllegalArgumentException("Expected a list, got: " + value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Missing " + key + " in " + map);
        }
        return IntrinsicResolver.text(value);
    }

    private static String json(Map<?, ?> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + value, e);
        }
    }
}
