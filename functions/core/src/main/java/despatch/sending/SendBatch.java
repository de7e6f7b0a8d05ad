package despatch.sending;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One message on the send queue: a campaign, the article whose rendered email it sends, the
 * campaign's lists (to check each person still belongs), and up to a few dozen recipients.
 * Addresses travel in the queue because fan-out read them from the list memberships anyway;
 * SQS encrypts them at rest.
 */
public record SendBatch(String campaignId, String slug, Set<String> lists, List<Recipient> recipients, int attempt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public SendBatch {
        lists = Set.copyOf(lists);
        recipients = List.copyOf(recipients);
        attempt = Math.max(1, attempt);
    }

    public SendBatch(String campaignId, String slug, Set<String> lists, List<Recipient> recipients) {
        this(campaignId, slug, lists, recipients, 1);
    }

    /** The recipients this try did not reach, for the next one. */
    public SendBatch retrying(List<Recipient> unsent) {
        return new SendBatch(campaignId, slug, lists, unsent, attempt + 1);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("campaignId", campaignId).put("slug", slug).put("attempt", attempt);
        ArrayNode listNode = root.putArray("lists");
        lists.stream().sorted().forEach(listNode::add);
        ArrayNode people = root.putArray("recipients");
        recipients.forEach(r -> people.addObject().put("id", r.subscriberId()).put("email", r.address().forDelivery()));
        return root.toString();
    }

    /** @throws IllegalArgumentException when the message is not a send batch: such a message is poison, for the DLQ */
    public static SendBatch fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Set<String> lists = new LinkedHashSet<>();
            root.path("lists").forEach(list -> lists.add(list.asText()));
            List<Recipient> recipients = new ArrayList<>();
            for (JsonNode person : root.path("recipients")) {
                recipients.add(new Recipient(required(person, "id"), EmailAddress.parse(required(person, "email"))));
            }
            return new SendBatch(required(root, "campaignId"), required(root, "slug"), lists, recipients, root.path("attempt").asInt(1));
        } catch (IOException | InvalidEmailAddressException | NullPointerException e) {
            throw new IllegalArgumentException("Not a send batch: " + e.getClass().getSimpleName(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("Not a send batch: no " + field);
        }
        return value.asText();
    }
}
