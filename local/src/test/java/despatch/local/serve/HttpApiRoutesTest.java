package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.ProjectRoot;
import despatch.local.stack.StackIdentity;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpApiRoutesTest {

    private static final String TEMPLATE = """
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Exact: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: get, Path: "/items/new"}}
                    One: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: "/items/{id}"}}
                    AnyOne: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: ANY, Path: "/items/{id}"}}
                    Files: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: "/files/{proxy+}"}}
                    Upload: {Type: S3, Properties: {Bucket: !Ref Api}}
              Other:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Everything: {Type: HttpApi}
            """;

    private final CloudFormationTemplate template = CloudFormationTemplate.parse(TEMPLATE, StackIdentity.LOCAL, Map.of());
    private final HttpApiRoutes routes = HttpApiRoutes.of(template, "Fn");

    @Test
    void anExactPathWinsOverAPathVariable() {
        assertEquals(Optional.of(new HttpApiRoutes.Match("GET /items/new", "Fn", Map.of())), routes.match("GET", "/items/new"));
        assertEquals(Optional.of(new HttpApiRoutes.Match("GET /items/{id}", "Fn", Map.of("id", "42 b"))), routes.match("GET", "/items/42%20b"));
    }

    @Test
    void aNamedMethodWinsOverAnyAndAnyTakesTheRest() {
        assertEquals("ANY /items/{id}", routes.match("DELETE", "/items/42").orElseThrow().routeKey());
        assertEquals("ANY /items/{id}", routes.match("POST", "/items/new").orElseThrow().routeKey());
    }

    @Test
    void aGreedyVariableTakesTheRestOfThePathButNotNothing() {
        assertEquals(Optional.of(new HttpApiRoutes.Match("GET /files/{proxy+}", "Fn", Map.of("proxy", "a/b.txt"))),
                routes.match("GET", "/files/a/b.txt"));
        assertTrue(routes.match("GET", "/files/").isEmpty());
        assertTrue(routes.match("GET", "/files").isEmpty());
    }

    @Test
    void anythingElseMatchesNothingUnlessThereIsADefaultRoute() {
        assertTrue(routes.match("GET", "/items").isEmpty());
        assertTrue(routes.match("GET", "/items/1/2").isEmpty());
        assertTrue(routes.match("POST", "/files/a").isEmpty());
        assertEquals("$default", HttpApiRoutes.of(template, "Other").match("PATCH", "/whatever").orElseThrow().routeKey());
    }

    @Test
    void subscriptionFunctionGetsEveryHttpApiEventInTheTemplateAndNothingElse() {
        CloudFormationTemplate real = CloudFormationTemplate.load(ProjectRoot.find().resolve("template.yaml"));
        HttpApiRoutes subscription = HttpApiRoutes.of(real, "SubscriptionFunction");
        Map<?, ?> events = (Map<?, ?>) real.resource("SubscriptionFunction").property("Events");
        long httpApiEvents = events.values().stream().filter(e -> "HttpApi".equals(((Map<?, ?>) e).get("Type"))).count();
        assertEquals(httpApiEvents, subscription.routeKeys().size());
        assertTrue(subscription.routeKeys().contains("GET /subscribe"));
        assertTrue(subscription.routeKeys().contains("POST /subscriptions"));
        assertEquals("POST /subscriptions", subscription.match("POST", "/subscriptions").orElseThrow().routeKey());
        // A wrong method or address falls to the catch-all, whose function answers 405 or 404 with a page.
        assertEquals("ANY /{proxy+}", subscription.match("GET", "/subscriptions").orElseThrow().routeKey());
        // Unlike REST APIs, HTTP APIs match the path as sent: /subscribe/ is not /subscribe.
        assertEquals("ANY /{proxy+}", subscription.match("GET", "/subscribe/").orElseThrow().routeKey());
        assertTrue(subscription.match("GET", "/").isEmpty(), "a greedy path variable needs at least one segment");
        // The API's own paths, whatever the method; the rest is the catch-all's (and, locally, the site's).
        assertTrue(subscription.namesPath("/subscriptions") && subscription.namesPath("/my-data/erase"));
        assertFalse(subscription.namesPath("/subscribe/") || subscription.namesPath("/press-releases/") || subscription.namesPath("/"));
    }

    @Test
    void theConsolesRoutesShareTheApiAndItsLongerGreedyPathWinsOverTheCatchAll() {
        CloudFormationTemplate real = CloudFormationTemplate.load(ProjectRoot.find().resolve("template.yaml"));
        HttpApiRoutes api = HttpApiRoutes.of(real, "SubscriptionFunction", "ConsoleFunction");
        HttpApiRoutes.Match page = api.match("POST", "/console/sign-out").orElseThrow();
        assertEquals(new HttpApiRoutes.Match("ANY /console/{proxy+}", "ConsoleFunction", Map.of("proxy", "sign-out")), page);
        assertFalse(page.catchAll());
        assertEquals("ConsoleFunction", api.match("GET", "/console").orElseThrow().function());
        HttpApiRoutes.Match elsewhere = api.match("GET", "/consoles").orElseThrow();
        assertEquals("SubscriptionFunction", elsewhere.function());
        assertTrue(elsewhere.catchAll());
        assertEquals("SubscriptionFunction", api.match("POST", "/subscriptions").orElseThrow().function());
    }
}
