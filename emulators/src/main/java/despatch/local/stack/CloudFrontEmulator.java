package despatch.local.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * CloudFront's CreateInvalidation over its real REST-XML protocol (API version 2020-05-31), the
 * one CloudFront call the functions make: each request is kept, in order, so that tests and the
 * site bench can see exactly which paths an update refreshed. No open-source emulator of
 * CloudFront runs here, so the local stack answers it itself, as it does EventBridge Scheduler's.
 * A request with no SigV4 signature, a malformed batch, or a path without its leading slash is
 * refused as CloudFront refuses it.
 */
public final class CloudFrontEmulator implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("/2020-05-31/distribution/([A-Za-z0-9-]{1,128})/invalidation");
    /** CloudFront's limit on the paths of one invalidation request. */
    static final int MAX_PATHS = 3000;

    private final HttpServer server;
    private final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** One CreateInvalidation the emulator accepted. */
    public record Invalidation(String distributionId, List<String> paths, String callerReference) {
    }

    private CloudFrontEmulator(HttpServer server) {
        this.server = server;
    }

    static CloudFrontEmulator start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CloudFrontEmulator emulator = new CloudFrontEmulator(server);
            server.createContext("/", emulator::answer);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local CloudFront", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every invalidation accepted so far, oldest first. */
    public List<Invalidation> invalidations() {
        return List.copyOf(invalidations);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
                error(exchange, 400, "InvalidArgument", "Only CreateInvalidation is served locally");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                error(exchange, 403, "MissingAuthenticationToken", "Requests must be signed with SigV4");
                return;
            }
            Invalidation invalidation;
            try {
                invalidation = read(path.group(1), exchange.getRequestBody().readAllBytes());
            } catch (IllegalArgumentException e) {
                error(exchange, 400, "InvalidArgument", e.getMessage());
                return;
            }
            invalidations.add(invalidation);
            String id = "I" + String.format("%013d", ids.incrementAndGet());
            exchange.getResponseHeaders().set("Location", endpoint() + exchange.getRequestURI().getPath() + "/" + id);
            reply(exchange, 201, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                    + "<Id>" + id + "</Id><Status>InProgress</Status><CreateTime>" + Instant.now() + "</CreateTime>"
                    + batchXml(invalidation) + "</Invalidation>");
        }
    }

    private static Invalidation read(String distributionId, byte[] body) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalArgumentException("The invalidation batch is not XML: " + e.getMessage());
        }
        NodeList items = document.getElementsByTagNameNS("*", "Path");
        NodeList quantity = document.getElementsByTagNameNS("*", "Quantity");
        NodeList reference = document.getElementsByTagNameNS("*", "CallerReference");
        if (quantity.getLength() != 1 || reference.getLength() != 1 || reference.item(0).getTextContent().isBlank()) {
            throw new IllegalArgumentException("An InvalidationBatch needs Paths/Quantity and a CallerReference");
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            String item = items.item(i).getTextContent();
            if (!item.startsWith("/")) {
                throw new IllegalArgumentException("Your request contains one or more invalid invalidation paths: " + item);
            }
            paths.add(item);
        }
        if (paths.isEmpty() || paths.size() > MAX_PATHS || Integer.parseInt(quantity.item(0).getTextContent().strip()) != paths.size()) {
            throw new IllegalArgumentException("Quantity must equal the number of paths, 1 to " + MAX_PATHS + "; got " + paths.size());
        }
        return new Invalidation(distributionId, List.copyOf(paths), reference.item(0).getTextContent());
    }

    private static String batchXml(Invalidation invalidation) {
        StringBuilder xml = new StringBuilder("<InvalidationBatch><Paths><Quantity>").append(invalidation.paths().size())
                .append("</Quantity><Items>");
        invalidation.paths().forEach(path -> xml.append("<Path>").append(escape(path)).append("</Path>"));
        return xml.append("</Items></Paths><CallerReference>").append(escape(invalidation.callerReference()))
                .append("</CallerReference></InvalidationBatch>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        reply(exchange, status, "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Error>"
                + "<Type>Sender</Type><Code>" + code + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>local</RequestId>"
                + "</ErrorResponse>");
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
