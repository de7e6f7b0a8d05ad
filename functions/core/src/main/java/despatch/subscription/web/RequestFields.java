package despatch.subscription.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a form or JSON body, as name to values. A JSON body may give lists as an array
 * or as one comma-separated string; a form repeats the field.
 */
final class RequestFields {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_LIMIT = 16 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_NAME = Pattern.compile("(?i)content-disposition:[^\r\n]*\\bname=\"([^\"]*)\"");

    private final Map<String, List<String>> values;

    private RequestFields(Map<String, List<String>> values) {
        this.values = values;
    }

    static RequestFields of(WebRequest request) throws BadBodyException {
        if (request.body().length() > BODY_LIMIT) {
            throw new BadBodyException("The request is too large; a subscription needs only an address, a name, a postcode and lists.");
        }
        String type = request.header("content-type").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json") || type.contains("+json")) {
            return json(request.body());
        }
        if (type.startsWith("multipart/form-data")) {
            return multipart(request.body(), request.header("content-type"));
        }
        return form(request.body());
    }

    static RequestFields form(String body) {
        return new RequestFields(FormEncoding.parse(body));
    }

    /**
     * RFC 8058 lets a mail provider send the one-click POST as multipart/form-data; only simple
     * text fields are read, files are ignored.
     */
    static RequestFields multipart(String body, String contentType) throws BadBodyException {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new BadBodyException("A multipart/form-data request needs a boundary in its Content-Type.");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String part : body.split(Pattern.quote("--" + boundary.group(1)))) {
            int split = part.indexOf("\r\n\r\n");
            int gap = split >= 0 ? 4 : 2;
            if (split < 0) {
                split = part.indexOf("\n\n");
            }
            Matcher field = PART_NAME.matcher(split < 0 ? "" : part.substring(0, split));
            if (split < 0 || !field.find() || part.substring(0, split).toLowerCase(Locale.ROOT).contains("filename=")) {
                continue;
            }
            String value = part.substring(split + gap).replaceFirst("\r?\n$", "");
            values.computeIfAbsent(field.group(1), n -> new ArrayList<>()).add(value);
        }
        return new RequestFields(values);
    }

    private static RequestFields json(String body) throws BadBodyException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new BadBodyException("The body is not valid JSON. Send an object like {\"email\": \"name@example.co.uk\", \"lists\": [\"newsletter\"]}.");
        }
        if (root == null || !root.isObject()) {
            throw new BadBodyException("The body must be a JSON object like {\"email\": \"name@example.co.uk\", \"lists\": [\"newsletter\"]}.");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            List<String> list = new ArrayList<>();
            JsonNode node = field.getValue();
            if (node.isArray()) {
                node.forEach(item -> list.add(item.asText()));
            } else if (field.getKey().equals("lists") && node.isTextual()) {
                list.addAll(List.of(node.asText().split(",")));
            } else if (!node.isNull()) {
                list.add(node.asText());
            }
            values.put(field.getKey(), list);
        }
        return new RequestFields(values);
    }

    String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** A field from the body, or else from the query string (links carry tokens in the URL). */
    String firstOr(String name, WebRequest request) {
        String value = first(name);
        return value != null ? value : request.queryValue(name);
    }

    /** The body's fields exactly: RFC 8058's one-click POST sends this and nothing else. */
    boolean isOneClickUnsubscribe() {
        return "One-Click".equals(first("List-Unsubscribe"));
    }

    static final class BadBodyException extends Exception {
        BadBodyException(String message) {
            super(message);
        }
    }
}
