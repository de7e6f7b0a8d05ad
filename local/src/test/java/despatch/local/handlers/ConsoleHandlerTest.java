package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.console.StaffSessions;
import despatch.lambda.ConsoleHandler;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.wiring.Setting;
import despatch.local.stack.ProjectRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real ConsoleHandler with events/api-console.json, the event `sam local invoke` uses: the
 * sample's cookie is no session, so it is sent to sign in; with a session sealed by the stack's
 * own console key, the same event is an approver's dashboard.
 */
class ConsoleHandlerTest {
    private static final ConsoleHandler HANDLER = new ConsoleHandler(TestStack.wiring(Setting.Function.ConsoleFunction, Clock.systemUTC()));

    private static APIGatewayV2HTTPEvent sample() throws IOException {
        try (InputStream json = Files.newInputStream(ProjectRoot.find().resolve("events/api-console.json"))) {
            return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, ConsoleHandlerTest.class.getClassLoader()).fromJson(json);
        }
    }

    @Test
    void theSampleEventWithoutASessionIsSentToSignIn() throws IOException {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(sample(), null);
        assertEquals(303, response.getStatusCode());
        assertEquals("/console/sign-in", response.getHeaders().get("Location"));
        assertNull(response.getCookies(), "no cookie set for a request that proves nothing");
    }

    @Test
    void withAnApproversSessionItIsTheDashboardNeverCachedNorFramed() throws IOException {
        StaffSessions sessions = new StaffSessions(SecretsManagerSigningSecret.read(TestStack.get().secretsManager(),
                TestStack.environment(Setting.Function.ConsoleFunction).get(Setting.CONSOLE_SESSION_SECRET_ARN.name())), Clock.systemUTC());
        APIGatewayV2HTTPEvent event = sample();
        event.setCookies(List.of("__Host-despatch-session=" + sessions.cookieValue(sessions.start(new StaffIdentity("sub-approver",
                "office.manager@example.org.uk", "Morgan Office Manager", StaffRole.fromGroups(List.of("approver")))))));

        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(event, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("Morgan Office Manager") && response.getBody().contains("<h1>Dashboard</h1>"),
                response.getBody());
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
        assertTrue(response.getHeaders().get("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }
}
