package despatch.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import despatch.console.StaffIdentity;
import despatch.console.StaffRole;
import despatch.console.StaffSessions;
import despatch.lambda.ConsoleHandler;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.S3DraftStore;
import despatch.lambda.aws.SecretsManagerSigningSecret;
import despatch.lambda.wiring.Setting;
import despatch.local.HttpApiEvents;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.FanOutCursor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The console's pages served warm: the real ConsoleHandler on the local stack, as an approver's
 * browser asks for the dashboard (with 20 campaigns), a draft's preview (the sample newsletter)
 * and one campaign, {@value #REQUESTS} times each after a warm-up, in a shuffled order. Prints
 * the median and quartiles of each in milliseconds, and the DynamoDB requests and read units one
 * dashboard view costs, counted on the wire.
 */
public final class ConsolePageTimingMain {
    private static final int REQUESTS = 200;
    private static final int WARM_UP = 50;
    private static final int CAMPAIGNS = 20;

    private ConsolePageTimingMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try (LocalAwsStack stack = LocalAwsStack.start();
                CountedClients clients = new CountedClients(stack, Setting.Function.ConsoleFunction)) {
            Map<String, String> environment = stack.environmentFor(Setting.Function.ConsoleFunction.name());
            DynamoDbCampaignStore campaigns = new DynamoDbCampaignStore(stack.dynamoDb(), environment.get(Setting.CAMPAIGNS_TABLE.name()));
            for (int i = 0; i < CAMPAIGNS; i++) {
                Instant at = Instant.now().minusSeconds(3600L * (CAMPAIGNS - i));
                campaigns.create(new Campaign("c-timing-" + i, "timing-" + i, "Newsletter " + i, List.of("newsletter"),
                        i % 4 == 0 ? CampaignStatus.SENDING : CampaignStatus.SENT, null, FanOutCursor.START, true,
                        new CampaignCounts(1200, 0, 0, 0, 0), at, at, 1));
                campaigns.addCounts("c-timing-" + i, 1180, 12, 2, 0);
            }
            String draft = "drafts/" + UUID.randomUUID() + "/november-newsletter.md";
            new S3DraftStore(stack.s3(), environment.get(Setting.UPLOADS_BUCKET.name())).save(draft,
                    Files.readAllBytes(ProjectRoot.find().resolve("local/samples/november-newsletter.md")),
                    new despatch.publish.Uploader("timing-editor", "Pat Press Officer", "press.officer@example.org.uk"));
            StaffSessions sessions = new StaffSessions(SecretsManagerSigningSecret.read(stack.secretsManager(),
                    environment.get(Setting.CONSOLE_SESSION_SECRET_ARN.name())), Clock.systemUTC());
            String session = "__Host-despatch-session=" + sessions.cookieValue(sessions.start(new StaffIdentity("timing-approver",
                    "office.manager@example.org.uk", "Morgan Office Manager", StaffRole.fromGroups(List.of("approver")))));
            HttpApiEvents events = new HttpApiEvents(ProjectRoot.find());

            // The handler's one JSON line per request would swamp the figures.
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            ConsoleHandler handler = new ConsoleHandler(clients.wiring(Map.of()));
            MedianTiming dashboard = new MedianTiming();
            MedianTiming preview = new MedianTiming();
            MedianTiming campaign = new MedianTiming();
            Random order = new Random(12);
            for (int i = -WARM_UP; i < REQUESTS; i++) {
                int round = i;
                List<Runnable> requests = new ArrayList<>(List.of(
                        () -> dashboard.time(round, () -> handler.handleRequest(get(events, "/console", session), null)),
                        () -> preview.time(round, () -> handler.handleRequest(get(events, "/console/" + draft, session), null)),
                        () -> campaign.time(round, () -> handler.handleRequest(get(events, "/console/campaigns/c-timing-4", session), null))));
                Collections.shuffle(requests, order);
                requests.forEach(Runnable::run);
            }
            clients.dynamoDbCounter.reset();
            handler.handleRequest(get(events, "/console", session), null);
            DynamoDbRequestCounter.Operation reads = clients.dynamoDbCounter.snapshot().total();
            System.setOut(out);
            out.printf("ConsoleFunction warm, %d requests each after %d to warm up (ms: median [quartiles])%n", REQUESTS, WARM_UP);
            out.println("  GET /console                  dashboard, " + CAMPAIGNS + " campaigns:  " + dashboard);
            out.println("  GET /console/drafts/…         a draft's preview:          " + preview);
            out.println("  GET /console/campaigns/…      one campaign:               " + campaign);
            out.printf("One dashboard view: %d DynamoDB requests, %.1f read units (whether the session was signed out of, the uploads"
                    + " waiting, the latest uploads, the campaign registry, 30 days of bounces and complaints, the list census's latest and"
                    + " its last 30 days, and one BatchGetItem of the campaigns shown; nothing that grows with subscribers)%n", reads.requests(), reads.readUnits());
        } finally {
            System.setOut(out);
        }
    }

    private static APIGatewayV2HTTPEvent get(HttpApiEvents events, String path, String session) {
        String route = path.equals("/console") ? "ANY /console" : "ANY /console/{proxy+}";
        APIGatewayV2HTTPEvent event = events.request(route, "GET", path, "", Map.of("accept", "text/html"), null, "203.0.113.9",
                "abcdef1234.execute-api.eu-west-2.amazonaws.com");
        event.setCookies(List.of(session));
        return event;
    }
}
