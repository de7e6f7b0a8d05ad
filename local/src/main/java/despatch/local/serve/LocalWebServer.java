package despatch.local.serve;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import despatch.lambda.ConsoleHandler;
import despatch.lambda.SubscriptionHandler;
import despatch.lambda.wiring.Setting;
import despatch.local.HttpApiEvents;
import despatch.local.StackConnection;
import despatch.local.stack.CloudFormationTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API's functions (SubscriptionFunction and ConsoleFunction) on loopback, as API Gateway
 * would put them in front of constituents and staff: each request whose method and path match
 * one of their HttpApi routes in template.yaml becomes the same payload 2.0 event Lambda would get
 * ({@link HttpApiEvents}) and goes to the real handler, built on its first request as Lambda
 * starts a container on its first invocation; any other GET is answered from the site bucket the way the site's CloudFront distribution would, so
 * published pages and the subscribe form share one address; everything else gets API Gateway's
 * own {@code 404 {"message":"Not Found"}}.
 */
public final class LocalWebServer implements AutoCloseable {
    private static final Pattern LOCAL_LINK = Pattern.compile("http://127\\.0\\.0\\.1:(\\d{1,5})");

    /** API Gateway's payload limit: a larger request never reaches the function. */
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final URI baseUrl;
    private final HttpApiRoutes routes;
    private final HttpApiEvents events;
    private final Map<String, Container> functions = new LinkedHashMap<>();
    private final BucketWebsite website;

    /** One function's container: its handler, built on the first request, and one request at a time, as in Lambda. */
    private static final class Container {
        private final Supplier<Handler> build;
        private final ReentrantLock invocation = new ReentrantLock();
        private Handler handler;

        Container(Supplier<Handler> build) {
            this.build = build;
        }

        APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
            invocation.lock();
            try {
                if (handler == null) {
                    handler = build.get();
                }
                return handler.handleRequest(event, null);
            } finally {
                invocation.unlock();
            }
        }
    }

    /** What each function's handler is to the server. */
    interface Handler extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    }

    private LocalWebServer(HttpServer server, URI baseUrl, HttpApiRoutes routes, HttpApiEvents events,
            Map<String, Function<URI, Handler>> functions, BucketWebsite website) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.routes = routes;
        this.events = events;
        functions.forEach((id, build) -> this.functions.put(id, new Container(() -> build.apply(baseUrl))));
        this.website = website;
    }

    /**
     * Serves SubscriptionFunction and ConsoleFunction (their routes read from {@code template}) and
     * the site bucket on 127.0.0.1. Their PUBLIC_API_URL is this server's address, so links in the
     * emails they send, and the console's sign-in, come back here.
     *
     * @param port 0 for any free port
     */
    public static LocalWebServer startApi(StackConnection stack, CloudFormationTemplate template, Path projectRoot, int port)
            throws IOException {
        String siteBucket = stack.environmentFor(Setting.Function.PublishFunction).get(Setting.SITE_BUCKET.name());
        Map<String, Function<URI, Handler>> functions = new LinkedHashMap<>();
        functions.put(Setting.Function.SubscriptionFunction.name(), url -> new SubscriptionHandler(
                stack.wiring(Setting.Function.SubscriptionFunction, Map.of(Setting.PUBLIC_API_URL.name(), url.toString()), Clock.systemUTC()))::handleRequest);
        functions.put(Setting.Function.ConsoleFunction.name(), url -> new ConsoleHandler(
                stack.wiring(Setting.Function.ConsoleFunction, Map.of(Setting.PUBLIC_API_URL.name(), url.toString()), Clock.systemUTC()))::handleRequest);
        return start(port, HttpApiRoutes.of(template, functions.keySet().toArray(String[]::new)), new HttpApiEvents(projectRoot),
                functions, new BucketWebsite(stack.s3(), siteBucket));
    }

    /**
     * @param functions builds each function's handler, by logical id, once the server's address is known
     */
    static LocalWebServer start(int port, HttpApiRoutes routes, HttpApiEvents events, Map<String, Function<URI, Handler>> functions,
            BucketWebsite website) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        LocalWebServer local;
        try {
            local = new LocalWebServer(server, baseUrl, routes, events, functions, website);
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        server.createContext("/", local::handle);
        server.setExecutor(local.executor);
        server.start();
        return local;
    }

    /** http://127.0.0.1:PORT, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    public List<String> routeKeys() {
        return routes.routeKeys();
    }

    /**
     * Whether the site's home page, published earlier for a server on another port, links there:
     * its pages keep those links until published again (a rebuild reuses each article's page as
     * it was published).
     */
    public boolean siteLinksElsewhere() {
        if (!(website.get("/", "/") instanceof BucketWebsite.Page home) || home.status() != 200) {
            return false;
        }
        Matcher local = LOCAL_LINK.matcher(new String(home.body(), StandardCharsets.UTF_8));
        while (local.find()) {
            if (Integer.parseInt(local.group(1)) != baseUrl.getPort()) {
                return true;
            }
        }
        return false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            URI uri = exchange.getRequestURI();
            String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            Optional<HttpApiRoutes.Match> route = routes.match(method, rawPath);
            if (isSiteRead(method, route, rawPath)) {
                serveSite(exchange, uri.getPath(), rawPath, method.equals("HEAD"));
            } else if (route.isPresent()) {
                invoke(exchange, route.get(), method, rawPath, uri.getRawQuery());
            } else {
                sendJson(exchange, 404, "Not Found");
            }
        } catch (RuntimeException e) {
            System.err.println("despatch serve: " + exchange.getRequestMethod() + " failed: " + e);
            sendJson(exchange, 500, "Internal Server Error");
        } finally {
            exchange.close();
        }
    }

    /**
     * In AWS the site has its own address; here the two share one, so a read that only the API's
     * catch-all route would take is the site's, unless its path is one the API names for another
     * method (GET /subscriptions): that one reaches the function, which answers 405 as in AWS.
     */
    private boolean isSiteRead(String method, Optional<HttpApiRoutes.Match> route, String rawPath) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return read && (route.isEmpty() || route.get().catchAll() && !routes.namesPath(rawPath));
    }

    private void invoke(HttpExchange exchange, HttpApiRoutes.Match route, String method, String rawPath, String rawQuery)
            throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            sendJson(exchange, 413, "Request Entity Too Large");
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("cookie")) {
                // Payload 2.0 moves cookies out of the headers into their own list.
                values.forEach(value -> Arrays.stream(value.split(";")).map(String::strip).filter(c -> !c.isEmpty()).forEach(cookies::add));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        headers.put("x-forwarded-for", sourceIp);
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", Integer.toString(baseUrl.getPort()));
        String host = headers.getOrDefault("host", baseUrl.getAuthority());
        boolean text = isText(headers.get("content-type"));
        String bodyText = body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8) : null;
        APIGatewayV2HTTPEvent event = events.request(route.routeKey(), method, rawPath, rawQuery, headers, bodyText, sourceIp, host);
        if (body.length > 0 && !text) {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }
        if (!cookies.isEmpty()) {
            event.setCookies(cookies);
        }
        if (!route.pathParameters().isEmpty()) {
            event.setPathParameters(route.pathParameters());
        }
        APIGatewayV2HTTPResponse response;
        try {
            response = functions.get(route.function()).invoke(event);
        } catch (RuntimeException e) {
            // What API Gateway answers when the function fails; the details stay in the function's log.
            System.err.println("despatch serve: " + route.routeKey() + " threw " + e);
            sendJson(exchange, 500, "Internal Server Error");
            return;
        }
        send(exchange, response, method.equals("HEAD"));
    }

    private void send(HttpExchange exchange, APIGatewayV2HTTPResponse response, boolean head) throws IOException {
        Headers out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(out::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> out.add(name, value)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> out.add("Set-Cookie", cookie));
        }
        if (!out.containsKey("Content-Type")) {
            out.set("Content-Type", "application/json");
        }
        out.set("Apigw-Requestid", UUID.randomUUID().toString());
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        sendBody(exchange, response.getStatusCode() == 0 ? 200 : response.getStatusCode(), bytes, head);
    }

    private void serveSite(HttpExchange exchange, String path, String rawPath, boolean head) throws IOException {
        switch (website.get(path, rawPath)) {
            case BucketWebsite.Page page when page.movedTo() != null -> {
                exchange.getResponseHeaders().set("Location", page.movedTo());
                sendBody(exchange, 301, new byte[0], head);
            }
            case BucketWebsite.Page page -> {
                exchange.getResponseHeaders().set("Content-Type", page.contentType());
                if (page.cacheControl() != null) {
                    exchange.getResponseHeaders().set("Cache-Control", page.cacheControl());
                }
                sendBody(exchange, page.status(), page.body(), head);
            }
            case BucketWebsite.Redirect redirect -> {
                // As the site's CloudFront function answers /path for /path/.
                exchange.getResponseHeaders().set("Location", redirect.location());
                sendBody(exchange, 301, new byte[0], head);
            }
            case BucketWebsite.NotFound notFound -> sendJson(exchange, 404, "Not Found");
        }
    }

    /** API Gateway's own answers: {"message":"Not Found"} and the like. */
    private static void sendJson(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        sendBody(exchange, status, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8),
                exchange.getRequestMethod().equalsIgnoreCase("HEAD"));
    }

    private static void sendBody(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        boolean noBody = head || body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Bodies API Gateway passes as text; anything else arrives base64-encoded. */
    private static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/x-www-form-urlencoded") || type.contains("json")
                || type.contains("xml") || type.startsWith("application/javascript");
    }

    /** Stops accepting requests, waits a moment for those in progress, and stops the worker threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
