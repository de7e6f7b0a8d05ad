package despatch.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import despatch.subscription.web.WebRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayRequestsTest {
    private static APIGatewayV2HTTPEvent event(String stage, String rawPath, String rawQuery, String body, boolean base64) {
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withHeaders(Map.of("Content-Type", "application/x-www-form-urlencoded", "User-Agent", "Firefox"))
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage(stage)
                        .withDomainName("abc123.execute-api.eu-west-2.amazonaws.com")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("post").withSourceIp("203.0.113.5").build())
                        .build())
                .build();
    }

    @Test
    void linksUseTheAddressTheRequestArrivedAtUnlessOneIsConfigured() {
        WebRequest request = ApiGatewayRequests.toWebRequest(event("$default", "/subscriptions", "", "", false), "");
        assertEquals("https://abc123.execute-api.eu-west-2.amazonaws.com", request.baseUrl());
        assertEquals("https://news.example.org.uk/api",
                ApiGatewayRequests.toWebRequest(event("$default", "/subscriptions", "", "", false), "https://news.example.org.uk/api").baseUrl());
    }

    @Test
    void aNamedStageIsPartOfTheBaseAddressNotOfTheRoute() {
        WebRequest request = ApiGatewayRequests.toWebRequest(event("prod", "/prod/confirm", "token=a%2Bb&x=1&x=2", "", false), "");
        assertEquals("/confirm", request.path());
        assertEquals("https://abc123.execute-api.eu-west-2.amazonaws.com/prod", request.baseUrl());
        assertEquals("a+b", request.queryValue("token"));
        assertEquals(List.of("1", "2"), request.query().get("x"));
    }

    @Test
    void base64BodiesAreDecodedAndHeaderNamesLowerCased() {
        String body = Base64.getEncoder().encodeToString("List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8));
        WebRequest request = ApiGatewayRequests.toWebRequest(event("$default", "/unsubscribe", null, body, true), "");
        assertEquals("List-Unsubscribe=One-Click", request.body());
        assertEquals("POST", request.method());
        assertEquals("Firefox", request.header("user-agent"));
        assertEquals("203.0.113.5", request.ipAddress());
    }

    @Test
    void cookiesThatPayloadTwoSeparatesComeBackAsTheCookieHeader() {
        APIGatewayV2HTTPEvent withCookies = event("$default", "/console/", "", "", false);
        withCookies.setCookies(List.of("__Host-despatch-session=v1.abc", "other=1"));
        assertEquals("__Host-despatch-session=v1.abc; other=1", ApiGatewayRequests.toWebRequest(withCookies, "").header("cookie"));
    }
}
