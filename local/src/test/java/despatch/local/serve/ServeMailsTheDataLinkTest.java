package despatch.local.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.local.StackConnection;
import despatch.local.queue.QueueConsumers;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import despatch.subscription.AddressKey;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What ./despatch serve runs: the served API hands a data-link request to the queue, and serve's own consumers mail it. */
class ServeMailsTheDataLinkTest {

    @Test
    void aDataLinkAskedForOnTheServedFormArrivesAndLeadsBackToThisServer() throws Exception {
        LocalAwsStack stack = SharedStack.get();
        EmailAddress address = EmailAddress.parse("served-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org.uk");
        subscribed(stack, address);
        try (StackConnection connection = StackConnection.to(stack);
                LocalWebServer server = LocalWebServer.startApi(connection, stack.template(), ProjectRoot.find(), 0);
                QueueConsumers consumers = QueueConsumers.forStack(stack).start()) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/my-data"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(address.forDelivery(), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(202, answer.statusCode());
            CapturedEmail mail = awaitEmailTo(stack, address.forDelivery());
            assertTrue(mail.subject().startsWith("Your data held by"), mail.subject());
            assertTrue(mail.text().contains(server.baseUrl() + "/preferences?token="), "the link leads back to this server:\n" + mail.text());
        }
    }

    private static void subscribed(LocalAwsStack stack, EmailAddress address) {
        String id = "served-" + UUID.randomUUID();
        DynamoDbSubscriberStore store = new DynamoDbSubscriberStore(stack.dynamoDb(),
                stack.environmentFor(Setting.Function.SubscriptionFunction.name()).get(Setting.SUBSCRIBERS_TABLE.name()));
        store.createAll(List.of(new Subscriber(id, address, "", "", SubscriberStatus.ACTIVE, Set.of("newsletter"), Set.of(), null,
                List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, Set.of("newsletter"), "", ConsentSource.IMPORT, "", "",
                        "test")), Instant.now(), Instant.now(), 1)));
        store.claimAddress(AddressKey.of(address), id);
    }

    private static CapturedEmail awaitEmailTo(LocalAwsStack stack, String address) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<CapturedEmail> mail = stack.capturedEmails().stream().filter(m -> m.to().contains(address)).findFirst();
            if (mail.isPresent()) {
                return mail.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No email reached " + address + " within 20 s");
    }
}
