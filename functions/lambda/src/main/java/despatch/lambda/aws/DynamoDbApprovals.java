package despatch.lambda.aws;

import despatch.publish.Approval;
import despatch.publish.Approvals;
import despatch.publish.AwaitingApproval;
import despatch.publish.Uploader;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * ApprovalsTable ({@code pk}, {@code sk}): each upload that waits, {@code AWAITING} /
 * {@code <upload key>}, replaced by a newer version and deleted once published or taken down; and
 * each approval, {@code APPROVAL#<upload key>} / {@code <content hash>#<waiting since>}, written once (a
 * conditional put) and never changed, so of two approvers pressing at once one wins.
 */
public final class DynamoDbApprovals implements Approvals {
    private static final String AWAITING = "AWAITING";
    private static final String APPROVAL = "APPROVAL#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbApprovals(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void await(AwaitingApproval request) {
        Map<String, AttributeValue> item = new HashMap<>(key(AWAITING, request.uploadKey()));
        item.put("contentHash", s(request.contentHash()));
        item.put("slug", s(request.slug()));
        item.put("title", s(request.title()));
        item.put("lists", AttributeValue.fromL(request.lists().stream().map(DynamoDbApprovals::s).toList()));
        if (request.embargo() != null) {
            item.put("embargo", s(request.embargo().toString()));
        }
        item.put("uploaderSubject", s(request.uploader().subject()));
        item.put("uploaderName", s(request.uploader().name()));
        item.put("uploaderEmail", s(request.uploader().email()));
        item.put("draftedBy", s(request.uploader().draftedBy()));
        item.put("since", s(request.since().toString()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    @Override
    public void clearAwaiting(String uploadKey) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(AWAITING, uploadKey)));
    }

    /**
     * Every waiting upload (a handful at any time: each is approved or replaced within days), read
     * in key order, then the oldest {@code limit}: the Query's own limit would cut by key, not age.
     */
    @Override
    public List<AwaitingApproval> awaiting(int limit) {
        return dynamoDb.queryPaginator(query -> query.tableName(table).keyConditionExpression("pk = :awaiting")
                        .expressionAttributeValues(Map.of(":awaiting", s(AWAITING))).consistentRead(true))
                .items().stream().map(DynamoDbApprovals::awaitingApproval).sorted(Comparator.comparing(AwaitingApproval::since))
                .limit(limit).toList();
    }

    @Override
    public Optional<AwaitingApproval> awaitingFor(String uploadKey) {
        return get(AWAITING, uploadKey).map(DynamoDbApprovals::awaitingApproval);
    }

    @Override
    public boolean approve(Approval approval) {
        Map<String, AttributeValue> item = new HashMap<>(key(APPROVAL + approval.uploadKey(), approvalKey(approval.contentHash(),
                approval.waitingSince())));
        item.put("approverSubject", s(approval.approverSubject()));
        item.put("approverName", s(approval.approverName()));
        item.put("at", s(approval.at().toString()));
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Approval> approvalOf(String uploadKey, String contentHash, Instant waitingSince) {
        return get(APPROVAL + uploadKey, approvalKey(contentHash, waitingSince)).map(item -> new Approval(uploadKey, contentHash, waitingSince,
                item.get("approverSubject").s(), item.get("approverName").s(), Instant.parse(item.get("at").s())));
    }

    /** One approval per version and waiting: the same bytes waiting again later need approving again. */
    private static String approvalKey(String contentHash, Instant waitingSince) {
        return contentHash + "#" + waitingSince;
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static AwaitingApproval awaitingApproval(Map<String, AttributeValue> item) {
        return new AwaitingApproval(item.get("sk").s(), item.get("contentHash").s(), item.get("slug").s(), item.get("title").s(),
                item.get("lists").l().stream().map(AttributeValue::s).toList(),
                item.containsKey("embargo") ? Instant.parse(item.get("embargo").s()) : null,
                new Uploader(item.get("uploaderSubject").s(), item.get("uploaderName").s(),
                        item.containsKey("uploaderEmail") ? item.get("uploaderEmail").s() : "",
                        item.containsKey("draftedBy") ? item.get("draftedBy").s() : ""), Instant.parse(item.get("since").s()));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
