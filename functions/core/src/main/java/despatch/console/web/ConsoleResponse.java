package despatch.console.web;

import java.util.List;
import java.util.Map;

/**
 * What the console answers: a status, headers, the cookies to set (API Gateway and the local
 * server send each as its own Set-Cookie header) and a body.
 */
public record ConsoleResponse(int status, Map<String, String> headers, List<String> cookies, String body) {

    public ConsoleResponse {
        headers = Map.copyOf(headers);
        cookies = List.copyOf(cookies);
        body = body == null ? "" : body;
    }
}
