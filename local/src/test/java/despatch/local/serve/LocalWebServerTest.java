package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import despatch.lambda.wiring.Setting;
import despatch.local.HttpApiEvents;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The local server against SubscriptionFunction's routes from template.yaml, with a recording
 * function in place of the handler: what event each request becomes, and what the client gets
 * back from the function, from the site bucket, and from API Gateway itself.
 */
class LocalWebServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
    private static final AtomicReference<URI> publicApiUrl = new AtomicReference<>();
    private static volatile Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> behaviour;
    private static LocalAwsStack stack;
    private static String siteBucket;
    private static LocalWebServer server;

    @BeforeAll
    static void start() throws IOException {
        stack = SharedStack.get();
        siteBucket = stack.environmentFor(Setting.Function.PublishFunction.name()).get(Setting.SITE_BUCKET.name());
        server = LocalWebServer.start(0, HttpApiRoutes.of(stack.template(), "SubscriptionFunction"), new HttpApiEvents(ProjectRoot.find()),
                Map.of("SubscriptionFunction", url -> {
                    publicApiUrl.set(url);
                    return (event, context) -> {
                        received.set(event);
                        return behaviour.apply(event);
                    };
                }),
                new BucketWebsite(stack.s3(), siteBucket));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void reset() {
        received.set(null);
        behaviour = event -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}").build();
    }

    @Test
    void theFunctionIsBuiltOnItsFirstRequestWithThisServersAddress() throws Exception {
        get("/subscribe");
        assertEquals(server.baseUrl(), publicApiUrl.get());
        assertTrue(server.baseUrl().toString().matches("http://127\\.0\\.0\\.1:\\d+"), server.baseUrl().toString());
    }

    @Test
    void aFormPostBecomesThePayload2EventApiGatewayWouldSend() throws Exception {
        behaviour = event -> APIGatewayV2HTTPResponse.builder().withStatusCode(202)
                .withHeaders(Map.of("Content-Type", "text/html; charset=utf-8", "X-Frame-Options", "DENY"))
                .withCookies(List.of("seen=1; Path=/; HttpOnly")).withBody("<h1>Check your email</h1>").build();
        String form = "email=sam%40example.org.uk&name=Zo%C3%AB+Smith&lists=newsletter";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.baseUrl().resolve("/subscriptions?from=site&x=a%20b"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Custom", "yes")
                .header("Cookie", "a=1; b=2").header("User-Agent", "despatch-test/1")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        APIGatewayV2HTTPEvent event = received.get();
        assertEquals("2.0", event.getVersion());
        assertEquals("POST /subscriptions", event.getRouteKey());
        assertEquals("POST /subscriptions", event.getRequestContext().getRouteKey());
        assertEquals("/subscriptions", event.getRawPath());
        assertEquals("from=site&x=a%20b", event.getRawQueryString());
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals("127.0.0.1", event.getRequestContext().getHttp().getSourceIp());
        assertEquals("despatch-test/1", event.getRequestContext().getHttp().getUserAgent());
        assertEquals(form, event.getBody());
        assertFalse(event.getIsBase64Encoded());
        assertEquals("application/x-www-form-urlencoded", event.getHeaders().get("content-type"));
        assertEquals("yes", event.getHeaders().get("x-custom"));
        assertEquals(server.baseUrl().getAuthority(), event.getHeaders().get("host"));
        assertEquals("127.0.0.1", event.getHeaders().get("x-forwarded-for"));
        assertNull(event.getHeaders().get("cookie"), "payload 2.0 carries cookies separately");
        assertEquals(List.of("a=1", "b=2"), event.getCookies());

        assertEquals(202, response.statusCode());
        assertEquals("<h1>Check your email</h1>", response.body());
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("DENY", response.headers().firstValue("x-frame-options").orElseThrow());
        assertEquals("seen=1; Path=/; HttpOnly", response.headers().firstValue("set-cookie").orElseThrow());
    }

    @Test
    void aBinaryBodyArrivesBase64Encoded() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff, '\n'};
        HTTP.send(HttpRequest.newBuilder(server.baseUrl().resolve("/subscriptions")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        assertTrue(received.get().getIsBase64Encoded());
        assertArrayEquals(bytes, Base64.getDecoder().decode(received.get().getBody()));
    }

    @Test
    void aWrongMethodOrAddressReachesTheFunctionThroughTheCatchAllRoute() throws Exception {
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(server.baseUrl().resolve("/subscribe")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpRequest.newBuilder(server.baseUrl().resolve("/nowhere")).POST(HttpRequest.BodyPublishers.ofString("x")).build())) {
            received.set(null);
            HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals("ANY /{proxy+}", received.get().getRouteKey(), request.toString());
        }
    }

    @Test
    void aRequestMatchingNoRouteGetsApiGatewaysNotFoundAndNeverReachesTheFunction() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.baseUrl().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertNull(received.get());
    }

    @Test
    void aFailingFunctionIsApiGatewaysInternalServerError() throws Exception {
        behaviour = event -> {
            throw new IllegalStateException("boom");
        };
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.baseUrl().resolve("/subscribe")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void otherGetsAreServedFromTheSiteBucketAsS3WebsiteHostingWould() throws Exception {
        put("index.html", "<h1>Archive</h1>", "text/html; charset=utf-8");
        put("articles/bus-route-42-saved/index.html", "<h1>Bus route 42 saved</h1>", "text/html; charset=utf-8");
        put("feed.xml", "<feed/>", null);

        assertPage("/", 200, "text/html; charset=utf-8", "<h1>Archive</h1>");
        assertPage("/articles/bus-route-42-saved/", 200, "text/html; charset=utf-8", "<h1>Bus route 42 saved</h1>");
        assertPage("/feed.xml", 200, "application/xml", "<feed/>");

        HttpResponse<String> folder = get("/articles/bus-route-42-saved");
        assertEquals(301, folder.statusCode(), "as CloudFront's folder function answers");
        assertEquals("/articles/bus-route-42-saved/", folder.headers().firstValue("location").orElseThrow());

        HttpResponse<String> missing = get("/articles/no-such-article/");
        assertEquals(404, missing.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", missing.body());
        assertEquals(404, get("/../../etc/passwd").statusCode());

        put("404.html", "<h1>Page not found</h1>", "text/html; charset=utf-8");
        assertPage("/articles/no-such-article/", 404, "text/html; charset=utf-8", "<h1>Page not found</h1>");

        // A moved article's old page, as the publisher writes it: a 301 to where it went, as CloudFront's function answers.
        new despatch.lambda.aws.S3SitePublisher(stack.s3(), siteBucket).putMoved("articles/bus-route/index.html", "/articles/bus-route-42-saved/");
        HttpResponse<String> moved = get("/articles/bus-route/");
        assertEquals(301, moved.statusCode());
        assertEquals("/articles/bus-route-42-saved/", moved.headers().firstValue("location").orElseThrow());
        assertNull(received.get(), "the function is not involved");
    }

    @Test
    void aReadOfAPathTheApiNamesForPostReachesTheFunctionThroughTheCatchAllNotTheSite() throws Exception {
        behaviour = event -> APIGatewayV2HTTPResponse.builder().withStatusCode(405).withHeaders(Map.of("Allow", "POST")).build();
        for (String path : List.of("/subscriptions", "/my-data/export", "/my-data/erase")) {
            received.set(null);
            HttpResponse<String> response = get(path);
            assertEquals(405, response.statusCode(), path);
            assertEquals("POST", response.headers().firstValue("allow").orElseThrow(), path);
            assertEquals("ANY /{proxy+}", received.get().getRouteKey(), path);
        }
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(server.baseUrl().resolve("/subscriptions"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(405, head.statusCode());
    }

    @Test
    void anOddEncodedOrInvalidSiteAddressIsTheSites404PageNeverAnError() throws Exception {
        put("404.html", "<h1>Page not found</h1>", "text/html; charset=utf-8");
        put("press-releases/index.html", "<h1>Press releases</h1>", "text/html; charset=utf-8");
        try {
            for (String path : List.of("/%2Fpress-releases", "/%2Fpress-releases/", "//press-releases/", "/press-releases//",
                    "/%2F", "/a%00b", "/a%5Cb", "/a%0D%0Ab", "/%2e%2e/%2e%2e/etc/passwd", "/%C3%28", "/%ff",
                    "/" + "x".repeat(1100))) {
                assertPage(path, 404, "text/html; charset=utf-8", "<h1>Page not found</h1>");
            }
            assertPage("/press-releases/", 200, "text/html; charset=utf-8", "<h1>Press releases</h1>");
        } finally {
            stack.s3().deleteObject(delete -> delete.bucket(siteBucket).key("404.html"));
        }
        assertNull(received.get(), "the function is not involved");
    }

    @Test
    void aSitePublishedEarlierForAnotherPortIsNoticed() {
        put("index.html", "<a href=\"http://127.0.0.1:1/archive/\">Archive</a>", "text/html; charset=utf-8");
        assertTrue(server.siteLinksElsewhere());
        put("index.html", "<a href=\"" + server.baseUrl() + "/archive/\">Archive</a>", "text/html; charset=utf-8");
        assertFalse(server.siteLinksElsewhere());
        stack.s3().deleteObject(delete -> delete.bucket(siteBucket).key("index.html"));
        assertFalse(server.siteLinksElsewhere(), "no site yet");
    }

    /** Without a content type the object is stored as application/octet-stream, and the extension decides. */
    private static void put(String key, String body, String contentType) {
        stack.s3().putObject(put -> {
            put.bucket(siteBucket).key(key);
            if (contentType != null) {
                put.contentType(contentType);
            }
        }, RequestBody.fromBytes(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertPage(String path, int status, String contentType, String body) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(status, response.statusCode(), path);
        assertEquals(body, response.body(), path);
        assertEquals(contentType, response.headers().firstValue("content-type").orElseThrow().replace(";charset", "; charset"), path);
    }
}
