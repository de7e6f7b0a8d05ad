package despatch.subscription.web;

import java.util.Map;

/** The headers of a page about one person (subscriber pages, the staff console): never cached, framed, or leaking a Referer. */
public final class PageHeaders {
    public static final Map<String, String> PRIVATE = Map.of(
            "Content-Type", "text/html; charset=utf-8",
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff",
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");

    private PageHeaders() {
    }
}
