package despatch.local.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SES emulator's record of accepted mail: {@code GET /store?since=} and {@code POST /clear-store}. */
final class SesStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SesStore(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Mail accepted at or after {@code since} (the store keeps whole seconds), oldest first. */
    List<CapturedEmail> since(Instant since) {
        String body = send(HttpRequest.newBuilder(endpoint.resolve("/store?since=" + since.getEpochSecond())).GET());
        JsonNode store;
        try {
            store = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SES emulator's store is not JSON", e);
        }
        List<CapturedEmail> emails = new ArrayList<>();
        for (JsonNode email : store.path("emails")) {
            emails.add(toEmail(email));
        }
        return emails;
    }

    void clear() {
        send(HttpRequest.newBuilder(endpoint.resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SES emulator answered " + response.statusCode() + " to " + request.build().uri().getPath());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("SES emulator did not answer at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the SES emulator's store", e);
        }
    }

    private static CapturedEmail toEmail(JsonNode email) {
        JsonNode destination = email.path("destination");
        List<CapturedEmail.Header> headers = new ArrayList<>();
        for (JsonNode header : email.path("headers")) {
            headers.add(new CapturedEmail.Header(header.path("name").asText(), header.path("value").asText()));
        }
        return new CapturedEmail(
                email.path("messageId").asText(),
                email.path("from").asText(),
                strings(email.path("replyTo")),
                strings(destination.path("to")),
                strings(destination.path("cc")),
                strings(destination.path("bcc")),
                email.path("subject").asText(),
                textOrNull(email.path("body").path("html")),
                textOrNull(email.path("body").path("text")),
                List.copyOf(headers),
                email.path("attachments").size(),
                Instant.ofEpochSecond(email.path("at").asLong()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return List.copyOf(values);
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
