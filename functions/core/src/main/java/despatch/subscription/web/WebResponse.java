package despatch.subscription.web;

import java.util.Map;

/** What the API answers: a status, headers (content type included) and a body. */
public record WebResponse(int status, Map<String, String> headers, String body) {
    public WebResponse {
        headers = Map.copyOf(headers);
    }

    public String contentType() {
        return headers.getOrDefault("Content-Type", "");
    }
}
