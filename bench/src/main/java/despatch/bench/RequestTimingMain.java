package despatch.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import despatch.lambda.SubscriptionHandler;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.local.HttpApiEvents;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import despatch.subscription.AddressKey;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Whether a request's answer time tells a known address from an unknown one: the real
 * SubscriptionHandler on the local stack, asked about a subscribed address and an unknown one,
 * {@value #REQUESTS} times each after a warm-up, in a shuffled order, for POST /my-data and POST
 * /subscriptions. Prints the median and quartiles of each in milliseconds. The daily limits are
 * raised so that every request does its full work (the default would stop mailing a known
 * address after three requests and hide the difference).
 */
public final class RequestTimingMain {
    private static final int REQUESTS = 200;
    private static final int WARM_UP = 50;
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/x-www-form-urlencoded",
            "accept", "text/html", "user-agent", "RequestTimingMain");

    private RequestTimingMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try (LocalAwsStack stack = LocalAwsStack.start();
                CountedClients clients = new CountedClients(stack, Setting.Function.SubscriptionFunction)) {
            HttpApiEvents events = new HttpApiEvents(ProjectRoot.find());
            EmailAddress known = subscribed(stack, "known-" + System.nanoTime() + "@example.org.uk");
            // The handler's one JSON line per request would swamp the figures.
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            SubscriptionHandler handler = new SubscriptionHandler(clients.wiring(Map.of(
                    "MAILS_PER_ADDRESS_PER_DAY", "1000000", "REQUESTS_PER_NETWORK_PER_DAY", "1000000")));
            MedianTiming dataKnown = new MedianTiming();
            MedianTiming dataUnknown = new MedianTiming();
            MedianTiming subscribeActive = new MedianTiming();
            MedianTiming subscribeNew = new MedianTiming();
            Random order = new Random(11);
            for (int i = -WARM_UP; i < REQUESTS; i++) {
                int round = i;
                int n = i + WARM_UP;
                List<Runnable> requests = new ArrayList<>(List.of(
                        () -> dataKnown.time(round, () -> handler.handleRequest(post(events, "/my-data", "email=" + encode(known)), null)),
                        () -> dataUnknown.time(round, () -> handler.handleRequest(post(events, "/my-data",
                                "email=nobody-" + n + "%40example.org.uk"), null)),
                        () -> subscribeActive.time(round, () -> handler.handleRequest(post(events, "/subscriptions",
                                subscribe(known.forDelivery())), null)),
                        () -> subscribeNew.time(round, () -> handler.handleRequest(post(events, "/subscriptions",
                                subscribe("new-" + n + "-" + System.nanoTime() + "@example.org.uk")), null))));
                // A request runs slower after a heavy one (garbage, the emulators catching up): no kind always goes first.
                Collections.shuffle(requests, order);
                requests.forEach(Runnable::run);
            }
            System.setOut(out);
            out.printf("%d requests each, after %d to warm up (ms: median [quartiles])%n", REQUESTS, WARM_UP);
            out.println("  POST /my-data        subscribed address: " + dataKnown);
            out.println("  POST /my-data        unknown address:    " + dataUnknown);
            out.println("  POST /subscriptions  active address:     " + subscribeActive);
            out.println("  POST /subscriptions  new address:        " + subscribeNew);
        } finally {
            System.setOut(out);
        }
    }

    private static APIGatewayV2HTTPEvent post(HttpApiEvents events, String path, String body) {
        return events.request("POST " + path, "POST", path, "", HEADERS, body, "203.0.113.9", "abcdef1234.execute-api.eu-west-2.amazonaws.com");
    }

    private static String subscribe(String address) {
        return "email=" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&lists=newsletter&wording=2026-11";
    }

    private static String encode(EmailAddress address) {
        return URLEncoder.encode(address.forDelivery(), StandardCharsets.UTF_8);
    }

    /** An active subscriber of the newsletter, as a confirmed sign-up leaves one. */
    private static EmailAddress subscribed(LocalAwsStack stack, String text) throws Exception {
        EmailAddress address = EmailAddress.parse(text);
        String id = "timing-" + System.nanoTime();
        DynamoDbSubscriberStore store = new DynamoDbSubscriberStore(stack.dynamoDb(),
                stack.environmentFor(Setting.Function.SubscriptionFunction.name()).get("SUBSCRIBERS_TABLE"));
        store.createAll(List.of(new Subscriber(id, address, "", "", SubscriberStatus.ACTIVE, Set.of("newsletter"), Set.of(), null,
                List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, Set.of("newsletter"), "", ConsentSource.IMPORT, "", "",
                        "timing")), Instant.now(), Instant.now(), 1)));
        store.claimAddress(AddressKey.of(address), id);
        return address;
    }
}
