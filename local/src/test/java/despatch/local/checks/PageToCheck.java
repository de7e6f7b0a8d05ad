package despatch.local.checks;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page type as a reader's browser or mail client gets it: its HTML and the response headers
 * that change how a browser treats it (the API's Content-Security-Policy above all), so the
 * checks see what people see.
 *
 * @param name for reports and file names, e.g. "article-newsletter", "subscribe"
 */
record PageToCheck(String name, Kind kind, String html, Map<String, String> headers) {
    private static final String HTML = "text/html; charset=utf-8";
    /** The response headers that change how the page behaves in a browser; the rest are transport. */
    private static final List<String> KEPT_HEADERS = List.of("Content-Type", "Content-Security-Policy", "Referrer-Policy");

    enum Kind {
        /** A page on the site or the subscription API: must conform to HTML and be accessible. */
        WEB_PAGE,
        /** The HTML part of an email: must be accessible; email clients, not browsers, set its rules. */
        EMAIL
    }

    PageToCheck {
        headers = Map.copyOf(headers);
    }

    /** A static page as the site bucket serves it: text/html, and no other header that matters. */
    static PageToCheck webPage(String name, String html) {
        return new PageToCheck(name, Kind.WEB_PAGE, html, Map.of("Content-Type", HTML));
    }

    /** A page as a server answered it, with the headers that matter. */
    static PageToCheck served(String name, HttpResponse<String> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : KEPT_HEADERS) {
            response.headers().firstValue(header).ifPresent(value -> headers.put(header, value));
        }
        if (!headers.getOrDefault("Content-Type", "").startsWith("text/html")) {
            throw new IllegalStateException(name + " is not an HTML page: " + response.statusCode() + " " + headers + "\n" + response.body());
        }
        return new PageToCheck(name, Kind.WEB_PAGE, response.body(), headers);
    }

    /** The HTML part of an email, shown as a mail client would open it: no headers of a web server. */
    static PageToCheck email(String name, String html) {
        return new PageToCheck(name, Kind.EMAIL, html, Map.of("Content-Type", HTML));
    }

    @Override
    public String toString() {
        return name;
    }
}
