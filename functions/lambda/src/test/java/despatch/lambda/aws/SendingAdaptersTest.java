package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import despatch.article.ArticleParser;
import despatch.lambda.SubscriptionHandler;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.AwsClients;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.LocalAwsStack;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
import despatch.sending.BatchOutcome;
import despatch.sending.DeliveryState;
import despatch.sending.EmailTemplate;
import despatch.sending.MessageBuilder;
import despatch.sending.Recipient;
import despatch.sending.SendWorker;
import despatch.sending.StoreRecipientCheck;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.TokenSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sending path's parts against the emulators (issue 4 groundwork): the delivery ledger on
 * DynamoDB, SESv2 sends with the unsubscribe headers, and a batch delivered twice through the
 * real adapters reaching each person once, with a link that unsubscribes through the real API.
 */
class SendingAdaptersTest {
    private static final String HOST = "abcdef1234.execute-api.eu-west-2.amazonaws.com";
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> environment = TestStack.environment(Setting.Function.SubscriptionFunction);
    private final DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(TestStack.get().dynamoDb(),
            TestStack.get().template().physicalName("CampaignsTable"));
    private final DynamoDbSubscriberStore subscribers = new DynamoDbSubscriberStore(TestStack.get().dynamoDb(),
            environment.get("SUBSCRIBERS_TABLE"));
    private final SesCampaignMailer mailer = new SesCampaignMailer(TestStack.get().sesV2(), environment.get("OFFICE_NAME"),
            environment.get("SENDER_ADDRESS"), "");
    private final TokenSigner signer = new TokenSigner(
            SecretsManagerSigningSecret.read(TestStack.get().secretsManager(), environment.get("SIGNING_SECRET_ARN")), Clock.systemUTC());

    @Test
    void aClaimIsTakenOnceAndOnlyARetryCanBeClaimedAgain() {
        String campaign = "c-" + run;
        assertTrue(ledger.claim(campaign, "s1", Instant.now()));
        assertFalse(ledger.claim(campaign, "s1", Instant.now()), "a second attempt sees the first");
        ledger.mark(campaign, "s1", DeliveryState.RETRY, "Maximum sending rate exceeded", Instant.now());
        assertTrue(ledger.claim(campaign, "s1", Instant.now()), "throttled, not sent: may be claimed again");
        ledger.mark(campaign, "s1", DeliveryState.SENT, "msg-1", Instant.now());
        assertFalse(ledger.claim(campaign, "s1", Instant.now()));
        assertEquals(DeliveryState.SENT, ledger.stateOf(campaign, "s1"));
    }

    @Test
    void aBatchDeliveredTwiceReachesEachActiveSubscriberOnceWithBothPartsAndAWorkingOneClickLink() throws Exception {
        String campaign = "c-" + run;
        List<Recipient> batch = new ArrayList<>();
        List<Subscriber> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            EmailAddress address = EmailAddress.parse("reader" + i + "-" + run + "@example.org.uk");
            Subscriber subscriber = new Subscriber("sub-" + i + "-" + run, address, "Reader " + i, "",
                    i == 3 ? SubscriberStatus.UNSUBSCRIBED : SubscriberStatus.ACTIVE, i == 3 ? Set.of() : Set.of("newsletter"),
                    Set.of(), null, List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, Set.of("newsletter"), "",
                            ConsentSource.IMPORT, "", "", "test")), Instant.now(), Instant.now(), 1);
            people.add(subscriber);
            batch.add(new Recipient(subscriber.id(), address));
        }
        subscribers.createAll(people);

        RenderedArticle article = rendered();
        SubscriptionLinks links = new SubscriptionLinks("https://" + HOST, signer);
        MessageBuilder builder = new MessageBuilder(campaign, article.subject(),
                new EmailTemplate(article.emailHtml(), article.emailText()), links, "unsubscribe@news.example.org.uk");
        SendWorker worker = new SendWorker(ledger, new StoreRecipientCheck(subscribers), mailer, Clock.systemUTC());

        BatchOutcome first = worker.send(campaign, Set.of("newsletter"), builder, batch);
        BatchOutcome again = worker.send(campaign, Set.of("newsletter"), builder, batch);

        assertEquals(3, first.ended().values().stream().filter(s -> s == DeliveryState.SENT).count());
        assertEquals(DeliveryState.SUPPRESSED, first.ended().get(people.get(3).id()), "left before the send");
        assertEquals(4, again.alreadyClaimed().size());
        for (int i = 0; i < 4; i++) {
            String to = people.get(i).address().forDelivery();
            List<CapturedEmail> received = TestStack.get().capturedEmails().stream().filter(m -> m.to().contains(to)).toList();
            assertEquals(i == 3 ? 0 : 1, received.size(), to);
        }

        CapturedEmail mail = TestStack.get().capturedEmails().stream()
                .filter(m -> m.to().contains(people.get(0).address().forDelivery())).findFirst().orElseThrow();
        assertFalse(mail.html().isBlank() || mail.text().isBlank(), "both parts");
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post").orElseThrow());
        String header = mail.header("List-Unsubscribe").orElseThrow();
        assertTrue(header.endsWith(", <mailto:unsubscribe@news.example.org.uk?subject=unsubscribe>"), header);
        URI link = URI.create(header.substring(1, header.indexOf('>')));
        assertTrue(mail.text().contains(link.toString()), "the same link in the text part");

        LocalAwsStack stack = TestStack.get();
        SubscriptionHandler api = new SubscriptionHandler(new Wiring(Settings.from(environment, Setting.Function.SubscriptionFunction),
                Clock.systemUTC(), AwsClients.of(stack.s3(), stack.dynamoDb(), stack.sesV2(), stack.secretsManager(), stack.sqs(), stack.scheduler())));
        APIGatewayV2HTTPResponse response = api.handleRequest(oneClickUnsubscribe(link), null);
        assertEquals(200, response.getStatusCode());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, subscribers.findSubscriber(people.get(0).id()).orElseThrow().status());
    }

    /** What API Gateway hands the function when a mail client posts the List-Unsubscribe link. */
    private static APIGatewayV2HTTPEvent oneClickUnsubscribe(URI link) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /unsubscribe")
                .withRawPath(link.getPath())
                .withRawQueryString(link.getRawQuery())
                .withHeaders(Map.of("content-type", "application/x-www-form-urlencoded", "host", HOST))
                .withBody("List-Unsubscribe=One-Click")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withDomainName(HOST)
                        .withRouteKey("POST /unsubscribe")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("POST").withPath(link.getPath()).withSourceIp("192.0.2.44").build())
                        .build())
                .build();
    }

    private static RenderedArticle rendered() throws Exception {
        Settings settings = Settings.from(TestStack.environment(Setting.Function.PublishFunction), Setting.Function.PublishFunction);
        var office = settings.office();
        var article = new ArticleParser(office, Clock.systemUTC()).parse("winter.md", """
                ---
                title: Winter surgeries in Llanfair
                lists: [newsletter]
                ---
                Surgeries move to the library on Saturdays from December. Croeso i bawb.
                """.getBytes(StandardCharsets.UTF_8)).article();
        return new ArticleRenderer(office, Clock.systemUTC()).render(article);
    }
}
