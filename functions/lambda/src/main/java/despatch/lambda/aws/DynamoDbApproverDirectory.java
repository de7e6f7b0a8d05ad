package despatch.lambda.aws;

import despatch.console.ApproverDirectory;
import despatch.console.StaffContact;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The approvers in ApprovalsTable, {@code APPROVERS} / {@code <subject>} (their name and address),
 * written at each sign-in of someone with the approver role (expiring 60 days later unless they sign
 * in again) and deleted at a sign-in without it:
 * one Query finds whom to tell that an upload waits.
 */
public final class DynamoDbApproverDirectory implements ApproverDirectory {
    private static final String APPROVERS = "APPROVERS";
    /**
     * Someone who has not signed in for this long (they left, and were disabled in the user pool)
     * is told nothing more; the table's time to live removes them, and their next sign-in notes them again.
     */
    static final Duration KEPT = Duration.ofDays(60);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbApproverDirectory(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void signedIn(StaffIdentity who) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(APPROVERS), "sk", AttributeValue.fromS(who.subject()));
        if (who.may(StaffRole.APPROVER)) {
            dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                    "name", AttributeValue.fromS(who.name()), "email", AttributeValue.fromS(who.email()),
                    "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plus(KEPT).getEpochSecond())))));
        } else {
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(key));
        }
    }

    @Override
    public List<StaffContact> approvers() {
        return dynamoDb.queryPaginator(query -> query.tableName(table).keyConditionExpression("pk = :approvers")
                        .expressionAttributeValues(Map.of(":approvers", AttributeValue.fromS(APPROVERS)))).items().stream()
                .map(item -> new StaffContact(item.get("sk").s(), item.get("name").s(), item.get("email").s())).toList();
    }
}
