package despatch.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API (payload 2.0) events of the same shape as events/api-subscribe.json, the file
 * sam local invoke uses, read into {@link APIGatewayV2HTTPEvent} by the Lambda runtime's own
 * serialiser: what API Gateway would hand SubscriptionFunction for one request.
 */
public final class HttpApiEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String sample;

    public HttpApiEvents(Path projectRoot) {
        try {
            this.sample = Files.readString(projectRoot.resolve("events/api-subscribe.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param routeKey the matched route, e.g. "POST /subscriptions", or "$default" when none matched
     * @param headers header names as the client sent them; API Gateway lower-cases them
     * @param host the Host the request was sent to, which API Gateway reports as the domain name
     */
    public APIGatewayV2HTTPEvent request(String routeKey, String method, String path, String rawQuery, Map<String, String> headers,
            String body, String sourceIp, String host) {
        try {
            ObjectNode json = (ObjectNode) MAPPER.readTree(sample);
            json.put("routeKey", routeKey).put("rawPath", path).put("rawQueryString", rawQuery == null ? "" : rawQuery);
            ObjectNode headerNode = json.putObject("headers");
            headers.forEach((name, value) -> headerNode.put(name.toLowerCase(Locale.ROOT), value));
            headerNode.put("host", host);
            ObjectNode context = (ObjectNode) json.get("requestContext");
            context.put("domainName", host).put("routeKey", routeKey).put("requestId", UUID.randomUUID().toString())
                    .put("timeEpoch", Instant.now().toEpochMilli());
            ObjectNode http = (ObjectNode) context.get("http");
            http.put("method", method).put("path", path).put("sourceIp", sourceIp)
                    .put("userAgent", headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("user-agent"))
                            .map(Map.Entry::getValue).findFirst().orElse(""));
            if (body == null || body.isEmpty()) {
                json.remove("body");
            } else {
                json.put("body", body);
            }
            json.put("isBase64Encoded", false);
            byte[] bytes = MAPPER.writeValueAsBytes(json);
            return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, HttpApiEvents.class.getClassLoader())
                    .fromJson(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample itself, as sam local invoke -e events/api-subscribe.json would deliver it. */
    public APIGatewayV2HTTPEvent sample() {
        return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, HttpApiEvents.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(sample.getBytes(StandardCharsets.UTF_8)));
    }
}
