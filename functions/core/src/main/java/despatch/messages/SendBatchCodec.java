package despatch.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import despatch.sending.Recipient;
import despatch.sending.SendBatch;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The send queue's message, a {@link SendBatch}: {@code {"campaignId", "slug", "attempt",
 * "quotaSlot" (epoch seconds, when counted against the daily quota), "lists": […], "recipients": [{"id", "email"}, …]}}. The batch is the sending engine's own value,
 * so it stays in {@code despatch.sending}; only its wire form lives here.
 */
public final class SendBatchCodec implements MessageCodec<SendBatch> {
    public static final SendBatchCodec CODEC = new SendBatchCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "Not a send batch: ";

    private SendBatchCodec() {
    }

    @Override
    public String write(SendBatch batch) {
        ObjectNode root = JSON.createObjectNode().put("campaignId", batch.campaignId()).put("slug", batch.slug()).put("attempt", batch.attempt());
        if (batch.quotaSlot() != null) {
            root.put("quotaSlot", batch.quotaSlot().getEpochSecond());
        }
        ArrayNode lists = root.putArray("lists");
        batch.lists().stream().sorted().forEach(lists::add);
        ArrayNode people = root.putArray("recipients");
        batch.recipients().forEach(r -> people.addObject().put("id", r.subscriberId()).put("email", r.address().forDelivery()));
        return root.toString();
    }

    @Override
    public SendBatch read(String body) throws UnreadableMessageException {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new UnreadableMessageException(NAME + "not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableMessageException(NAME + "not a JSON object");
        }
        Set<String> lists = new LinkedHashSet<>();
        for (JsonNode list : array(root, "lists")) {
            if (!list.isTextual()) {
                throw new UnreadableMessageException(NAME + "lists must be strings");
            }
            lists.add(list.asText());
        }
        List<Recipient> recipients = new ArrayList<>();
        int index = 0;
        for (JsonNode person : array(root, "recipients")) {
            String where = "recipients[" + index++ + "].";
            String email = text(person, "email", where);
            try {
                recipients.add(new Recipient(text(person, "id", where), EmailAddress.stored(email)));
            } catch (InvalidEmailAddressException e) {
                throw new UnreadableMessageException(NAME + where + "email is not an email address");
            }
        }
        JsonNode attempt = root.path("attempt");
        if (!attempt.isMissingNode() && !attempt.canConvertToInt()) {
            throw new UnreadableMessageException(NAME + "attempt must be a whole number");
        }
        JsonNode slot = root.path("quotaSlot");
        if (!slot.isMissingNode() && !slot.canConvertToLong()) {
            throw new UnreadableMessageException(NAME + "quotaSlot must be a time in epoch seconds");
        }
        return new SendBatch(text(root, "campaignId", ""), text(root, "slug", ""), lists, recipients, attempt.asInt(1),
                slot.isMissingNode() ? null : java.time.Instant.ofEpochSecond(slot.asLong()));
    }

    private static JsonNode array(JsonNode root, String field) throws UnreadableMessageException {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            throw new UnreadableMessageException(NAME + "no " + field + " array");
        }
        return node;
    }

    private static String text(JsonNode node, String field, String where) throws UnreadableMessageException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UnreadableMessageException(NAME + "no " + where + field);
        }
        return value.asText();
    }
}
