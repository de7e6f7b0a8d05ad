package despatch.console.web;

import despatch.publish.Preview;
import despatch.subscription.web.PageHeaders;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the console answers: pages, redirects and refusals of a method, all with the headers the
 * subscriber pages send (never cached, framed or leaking a Referer). A signed-in page's forms may
 * also lead to the identity provider: signing out posts to the console, which sends the browser on
 * to the provider, and a browser applies the page's {@code form-action} to that redirect too.
 */
final class ConsoleReplies {
    private static final long RETRY_AFTER_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    private final Supplier<Optional<URI>> providerSignOut;
    private Map<String, String> signedInHeaders;
    /** When the provider last could not be asked: not asked again for a minute, so an outage does not slow every page. */
    private long failedAtNanos;
    private boolean failed;

    /** @param providerSignOut where signing out sends the browser at the provider, if anywhere; asked until it answers */
    ConsoleReplies(Supplier<Optional<URI>> providerSignOut) {
        this.providerSignOut = providerSignOut;
    }

    /** A page for anyone: no form on it leaves the console. */
    ConsoleResponse page(int status, String html, List<String> cookies) {
        return new ConsoleResponse(status, PageHeaders.PRIVATE, cookies, html);
    }

    /** A page for someone signed in, whose sign-out form ends at the provider. */
    ConsoleResponse signedInPage(int status, String html, List<String> cookies) {
        return new ConsoleResponse(status, signedInHeaders(), cookies, html);
    }

    /** A refusal for someone signed in (a role they lack, a request that was not theirs): nothing was changed. */
    ConsoleResponse forbidden(String html) {
        return signedInPage(403, html, List.of());
    }

    /** The upload page, whose form posts the file to {@code formOrigin} (the uploads bucket) rather than to the console. */
    ConsoleResponse uploadPage(int status, String html, String formOrigin) {
        Map<String, String> headers = new LinkedHashMap<>(signedInHeaders());
        headers.compute("Content-Security-Policy", (name, policy) -> policy.replace("form-action 'self'", "form-action 'self' " + formOrigin));
        return new ConsoleResponse(status, headers, List.of(), html);
    }

    /** A signed-in page that frames the console's own previews (the email, the web page). */
    ConsoleResponse previewPage(int status, String html) {
        Map<String, String> headers = new LinkedHashMap<>(signedInHeaders());
        headers.compute("Content-Security-Policy", (name, policy) -> policy + "; frame-src 'self'");
        return new ConsoleResponse(status, headers, List.of(), html);
    }

    /**
     * A preview's email or web page, to be framed by the console's own preview page only. It is
     * the office's published HTML, shown as a browser shows it elsewhere (images from anywhere
     * over HTTPS, its own styles) but sandboxed: no script, no form, no origin of the console's.
     */
    ConsoleResponse framed(int status, String html) {
        Map<String, String> headers = new LinkedHashMap<>(PageHeaders.PRIVATE);
        headers.put("Content-Security-Policy", "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; "
                + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-popups allow-popups-to-escape-sandbox");
        return new ConsoleResponse(status, headers, List.of(), html);
    }

    /** A file to save (a list's members as CSV): never cached, never shown as a page. */
    ConsoleResponse download(String contentType, String fileName, String body) {
        Map<String, String> headers = new LinkedHashMap<>(PageHeaders.PRIVATE);
        headers.put("Content-Type", contentType);
        headers.put("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new ConsoleResponse(200, headers, List.of(), body);
    }

    /**
     * A preview's email or web page ({@code view}: email or web) for its frame, or, for an upload
     * that would be refused, a short page saying {@code whyNone}.
     */
    ConsoleResponse framedPreview(Preview preview, String view, String whyNone) {
        if (!preview.accepted()) {
            return framed(404, "<!DOCTYPE html><title>Nothing to show</title><p>" + whyNone);
        }
        return framed(200, view.equals("email") ? preview.rendered().emailHtml() : preview.rendered().webHtml());
    }

    ConsoleResponse redirect(String location, List<String> cookies) {
        Map<String, String> withLocation = new LinkedHashMap<>(PageHeaders.PRIVATE);
        withLocation.put("Location", location);
        return new ConsoleResponse(303, withLocation, cookies, "");
    }

    ConsoleResponse methodNotAllowed(String allowed) {
        Map<String, String> withAllow = new LinkedHashMap<>(PageHeaders.PRIVATE);
        withAllow.put("Allow", allowed);
        return new ConsoleResponse(405, withAllow, List.of(), "");
    }

    /**
     * The provider's origin added to form-action. If the provider cannot be asked just now, the
     * page still shows (its sign-out ends the console's session; the browser stops at the provider).
     */
    private synchronized Map<String, String> signedInHeaders() {
        if (signedInHeaders != null) {
            return signedInHeaders;
        }
        if (failed && System.nanoTime() - failedAtNanos < RETRY_AFTER_NANOS) {
            return PageHeaders.PRIVATE;
        }
        Optional<URI> signOut;
        try {
            signOut = providerSignOut.get();
        } catch (RuntimeException e) {
            failed = true;
            failedAtNanos = System.nanoTime();
            return PageHeaders.PRIVATE;
        }
        Map<String, String> built = new LinkedHashMap<>(PageHeaders.PRIVATE);
        signOut.map(ConsoleReplies::origin).ifPresent(origin -> built.compute("Content-Security-Policy",
                (name, policy) -> policy.replace("form-action 'self'", "form-action 'self' " + origin)));
        signedInHeaders = Map.copyOf(built);
        return signedInHeaders;
    }

    private static String origin(URI address) {
        return address.getScheme() + "://" + address.getRawAuthority();
    }
}
