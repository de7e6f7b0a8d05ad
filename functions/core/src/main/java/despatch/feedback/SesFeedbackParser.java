package despatch.feedback;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SES event as SNS delivers it: the SNS envelope's Message holds the SES JSON, which
 * names its kind in {@code eventType} (configuration-set event publishing) or
 * {@code notificationType} (identity notifications); both are read.
 */
public final class SesFeedbackParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SesFeedbackParser() {
    }

    /** @throws IllegalArgumentException when the text is not an SES event */
    public static MailFeedback parse(String snsMessage) {
        JsonNode event;
        try {
            event = JSON.readTree(snsMessage);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not an SES event: the message is not JSON");
        }
        String type = event.hasNonNull("eventType") ? event.get("eventType").asText() : event.path("notificationType").asText();
        return switch (type) {
            case "Bounce" -> new MailFeedback.Bounce("Permanent".equals(event.path("bounce").path("bounceType").asText()),
                    recipients(event.path("bounce").path("bouncedRecipients")));
            case "Complaint" -> new MailFeedback.Complaint(recipients(event.path("complaint").path("complainedRecipients")));
            case "" -> throw new IllegalArgumentException("Not an SES event: no eventType or notificationType");
            default -> new MailFeedback.Other(type, event.path("mail").path("tags").path("campaign").path(0).asText(""));
        };
    }

    private static List<String> recipients(JsonNode list) {
        List<String> addresses = new ArrayList<>();
        list.forEach(recipient -> addresses.add(recipient.path("emailAddress").asText()));
        return addresses;
    }
}
