package despatch.local.checks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Serves the pages to check on 127.0.0.1, each at /NAME with the headers it was served or sent
 * with, so the browser lays it out, colours it and applies its Content-Security-Policy as it
 * would for a reader.
 */
final class PageServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, PageToCheck> pages;

    private PageServer(HttpServer server, Map<String, PageToCheck> pages) {
        this.server = server;
        this.pages = pages;
    }

    static PageServer start(List<PageToCheck> pages) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PageServer pageServer = new PageServer(server,
                pages.stream().collect(Collectors.toUnmodifiableMap(page -> "/" + page.name(), Function.identity())));
        server.createContext("/", pageServer::handle);
        server.start();
        return pageServer;
    }

    URI url(PageToCheck page) {
        if (!pages.containsKey("/" + page.name())) {
            throw new IllegalArgumentException("Not served here: " + page.name());
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + page.name());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            PageToCheck page = pages.get(exchange.getRequestURI().getPath());
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            page.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
