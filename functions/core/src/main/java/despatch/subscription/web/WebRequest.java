package despatch.subscription.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the subscription API sees it, whatever carried it (API Gateway in AWS, the
 * local server on loopback).
 *
 * @param headers names in lower case
 * @param baseUrl the API's public address, for links in emails and form actions
 * @param ipAddress the client address, for consent records and rate limits
 */
public record WebRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
        String body, String baseUrl, String ipAddress) {

    public WebRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    public String queryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
