package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.local.StackConnection;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an outside probe of ./despatch serve found, against the real SubscriptionHandler behind
 * the local server: it must answer as API Gateway and S3 website hosting would in AWS.
 */
class ServedProbeTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StackConnection connection;
    private static LocalWebServer server;

    @BeforeAll
    static void serve() throws Exception {
        LocalAwsStack stack = SharedStack.get();
        connection = StackConnection.to(stack);
        server = LocalWebServer.startApi(connection, stack.template(), ProjectRoot.find(), 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGetOfAPostOnlyRouteIsTheFunctions405NamingPost() throws Exception {
        for (String path : List.of("/subscriptions", "/my-data/export", "/my-data/erase")) {
            HttpResponse<String> response = get(path, "text/html");
            assertEquals(405, response.statusCode(), path);
            assertEquals("POST", response.headers().firstValue("allow").orElseThrow(), path);
        }
    }

    @Test
    void anEncodedSlashInASiteAddressIsNotFoundNotAServerError() throws Exception {
        assertEquals(404, get("/%2Fpress-releases", "text/html").statusCode());
    }

    @Test
    void theSubscribeFormInJsonPostsToThePortBeingServed() throws Exception {
        HttpResponse<String> response = get("/subscribe", "application/json");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
        JsonNode form = JSON.readTree(response.body());
        assertEquals(server.baseUrl() + "/subscriptions", form.get("action").asText());
    }
}
