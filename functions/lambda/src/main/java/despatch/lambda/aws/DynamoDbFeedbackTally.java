package despatch.lambda.aws;

import despatch.feedback.FeedbackTally;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each day's bounces and complaints in CampaignsTable, {@code FEEDBACK} / {@code <date>}, added to
 * atomically; thirty days are one Query of at most 31 small items.
 */
public final class DynamoDbFeedbackTally implements FeedbackTally {
    private static final String FEEDBACK = "FEEDBACK";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbFeedbackTally(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void add(LocalDate day, int bounces, int complaints) {
        if (bounces == 0 && complaints == 0) {
            return;
        }
        dynamoDb.updateItem(update -> update.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(FEEDBACK), "sk", AttributeValue.fromS(day.toString())))
                .updateExpression("ADD bounces :bounces, complaints :complaints")
                .expressionAttributeValues(Map.of(":bounces", AttributeValue.fromN(Integer.toString(bounces)),
                        ":complaints", AttributeValue.fromN(Integer.toString(complaints)))));
    }

    @Override
    public Totals since(LocalDate firstDay) {
        long bounces = 0;
        long complaints = 0;
        for (Map<String, AttributeValue> item : dynamoDb.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :feedback AND sk >= :first")
                .expressionAttributeValues(Map.of(":feedback", AttributeValue.fromS(FEEDBACK), ":first", AttributeValue.fromS(firstDay.toString()))))
                .items()) {
            bounces += Long.parseLong(item.getOrDefault("bounces", AttributeValue.fromN("0")).n());
            complaints += Long.parseLong(item.getOrDefault("complaints", AttributeValue.fromN("0")).n());
        }
        return new Totals(bounces, complaints);
    }
}
