package despatch.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * One log line per HTTP API request: the matched route template (never the raw path, which can
 * carry anything a client typed), the status and, on an unexpected failure, the exception's class.
 * Never a cookie, a token, an address or the request itself.
 */
final class HttpApiLog {
    private final JsonLog log = new JsonLog(System.out);
    private final String name;

    /** @param name the log lines' event names are {@code <name>.request} and {@code <name>.failed} */
    HttpApiLog(String name) {
        this.name = name;
    }

    /**
     * The answer to the request, or {@code failure}'s if answering threw, logged either way.
     *
     * @param status the answer's HTTP status
     */
    <R> R answer(APIGatewayV2HTTPEvent event, Supplier<R> answer, Supplier<R> failure, ToIntFunction<R> status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("route", event.getRouteKey());
        R response;
        try {
            response = answer.get();
        } catch (RuntimeException e) {
            fields.put("error", e.getClass().getName());
            response = failure.get();
        }
        int code = status.applyAsInt(response);
        fields.put("status", code);
        if (code >= 500) {
            log.warn(name + ".failed", fields);
        } else {
            log.info(name + ".request", fields);
        }
        return response;
    }
}
