package despatch.subscription.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.render.ActionView;
import despatch.render.FieldError;
import despatch.render.MessageView;
import despatch.render.SubscriptionRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds responses: HTML pages for browsers, JSON (RFC 9457 problem details on failure) for
 * clients that ask for it. Pages carry tokens, so none may be cached, framed or leak a Referer.
 */
final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PAGE_HEADERS = PageHeaders.PRIVATE;

    private final SubscriptionRenderer renderer;

    Responses(SubscriptionRenderer renderer) {
        this.renderer = renderer;
    }

    /** JSON when the client says it accepts JSON and not HTML first, or sent JSON itself. */
    static boolean wantsJson(WebRequest request) {
        String accept = request.header("accept").toLowerCase(Locale.ROOT);
        int json = Math.max(accept.indexOf("application/json"), accept.indexOf("+json"));
        int html = accept.indexOf("text/html");
        if (json >= 0) {
            return html < 0 || json < html;
        }
        return html < 0 && request.header("content-type").toLowerCase(Locale.ROOT).contains("json");
    }

    WebResponse page(int status, String html) {
        return new WebResponse(status, PAGE_HEADERS, html);
    }

    WebResponse json(int status, Map<String, ?> body) {
        return new WebResponse(status, Map.of("Content-Type", status >= 400 ? "application/problem+json" : "application/json",
                "Cache-Control", "no-store"), write(body));
    }

    WebResponse message(WebRequest request, int status, MessageView message, Map<String, ?> json) {
        return pageOrJson(request, status, () -> renderer.messagePage(message), json);
    }

    /** A page with one button, or for a JSON client what pressing it takes ({@link JsonViews#action}), plus {@code extra}. */
    WebResponse action(WebRequest request, ActionView view, Map<String, ?> extra) {
        Map<String, Object> body = JsonViews.action(view);
        body.putAll(extra);
        return pageOrJson(request, 200, () -> renderer.actionPage(view), body);
    }

    /** The page is rendered only for a client that will read it. */
    WebResponse pageOrJson(WebRequest request, int status, Supplier<String> html, Map<String, ?> json) {
        return wantsJson(request) ? json(status, json) : page(status, html.get());
    }

    WebResponse problem(WebRequest request, int status, String title, String detail, List<FieldError> errors) {
        if (wantsJson(request)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
            if (!errors.isEmpty()) {
                body.put("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
            }
            return json(status, body);
        }
        List<String> lines = errors.isEmpty() ? List.of(detail) : errors.stream().map(FieldError::message).toList();
        return page(status, renderer.messagePage(new MessageView(title, lines, null, null)));
    }

    WebResponse problem(WebRequest request, int status, String title, String detail) {
        return problem(request, status, title, detail, List.of());
    }

    WebResponse withHeader(WebResponse response, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put(name, value);
        return new WebResponse(response.status(), headers, response.body());
    }

    private static String write(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Maps of strings always serialise", e);
        }
    }
}
