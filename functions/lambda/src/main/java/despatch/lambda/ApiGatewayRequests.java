package despatch.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import despatch.console.web.ConsoleResponse;
import despatch.subscription.web.FormEncoding;
import despatch.subscription.web.WebRequest;
import despatch.subscription.web.WebResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Translates between HTTP API (payload format 2.0) events and the core's request and response. */
final class ApiGatewayRequests {
    private static final String DEFAULT_STAGE = "$default";

    private ApiGatewayRequests() {
    }

    /**
     * @param publicApiUrl the configured public address, or empty to use the one the request
     *     arrived at (API Gateway sets the domain name; it is not a client-controlled Host header)
     */
    static WebRequest toWebRequest(APIGatewayV2HTTPEvent event, String publicApiUrl) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        String stage = context.getStage() == null ? DEFAULT_STAGE : context.getStage();
        String stagePrefix = DEFAULT_STAGE.equals(stage) ? "" : "/" + stage;
        String path = event.getRawPath() == null ? "/" : event.getRawPath();
        if (!stagePrefix.isEmpty() && path.startsWith(stagePrefix + "/")) {
            path = path.substring(stagePrefix.length());
        }
        String baseUrl = publicApiUrl.isEmpty() ? "https://" + context.getDomainName() + stagePrefix : publicApiUrl;
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        // Payload format 2.0 takes the Cookie header apart into a list of its own; the routes read the header.
        if (event.getCookies() != null && !event.getCookies().isEmpty()) {
            headers.put("cookie", String.join("; ", event.getCookies()));
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            // An upload form's parts keep their bytes as they are, one character per byte: a file need not be UTF-8.
            boolean multipart = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
            body = new String(Base64.getDecoder().decode(body), multipart ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        return new WebRequest(context.getHttp().getMethod(), path, FormEncoding.parse(event.getRawQueryString()), headers, body, baseUrl,
                context.getHttp().getSourceIp());
    }

    /** API Gateway sends each of the response's cookies as a Set-Cookie header of its own. */
    static APIGatewayV2HTTPResponse toResponse(ConsoleResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withCookies(response.cookies().isEmpty() ? null : response.cookies())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    static APIGatewayV2HTTPResponse toResponse(WebResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
