package despatch.local.sending;

import despatch.lambda.wiring.SendingFactory;
import despatch.lambda.wiring.AwsClients;
import despatch.local.StackWiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.lambda.SendHandler;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.DynamoDbDeliveryLedger;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.aws.S3RenderedEmailStore;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.queue.EventSourceMapping;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.SesAccountQuota;
import despatch.render.RenderedArticle;
import despatch.messages.SendBatchCodec;
import despatch.sending.Campaign;
import despatch.sending.CampaignCounts;
import despatch.sending.CampaignStatus;
import despatch.sending.DeliveryState;
import despatch.sending.FanOutCursor;
import despatch.sending.Recipient;
import despatch.sending.SendBatch;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Issue 4's fault drill through the real SendHandler, the real SQS queue and the local event
 * source mapping: every message delivered twice, SES throttling bursts long enough to outlast the
 * SDK's own retries, one SendingPaused, and one send whose answer is lost after SES accepted it.
 * Every active subscriber must end as exactly one of sent, suppressed, failed or unknown, and no
 * one may get two copies.
 */
class SendFaultDrillTest {
    private static final int PEOPLE = 120;
    private static LocalAwsStack stack;

    @BeforeAll
    static void start() {
        // An account SES lets send 1,000 a second, as the workers read it: pacing itself is RateWindowTest's, so this stays quick.
        stack = LocalAwsStack.builder().sesQuota(new SesAccountQuota(1000, 50_000)).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /**
     * SES, made faulty on the wire: a throttled or paused call never reaches the emulator (a real
     * 429 means SES took nothing), and the SDK sees the same HTTP answer the service would give.
     */
    private static final class FaultySes implements ExecutionInterceptor {
        final AtomicInteger sends = new AtomicInteger();
        private final ThreadLocal<Integer> call = new ThreadLocal<>();
        private final ThreadLocal<String> fault = new ThreadLocal<>();

        @Override
        public software.amazon.awssdk.http.SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            int attempt = sends.incrementAndGet();
            call.set(attempt);
            fault.remove();
            if (attempt % 40 >= 30 && attempt < 120) {
                // Bursts of ten throttled calls, longer than the SDK's three attempts: three of them, while many
                // batches are in flight. One at the very end would only be worn down a retry (one call) a second.
                fault.set("TooManyRequestsException");
            } else if (attempt == 57) {
                fault.set("SendingPausedException");
            }
            return fault.get() == null ? context.httpRequest()
                    : context.httpRequest().toBuilder().encodedPath("/drill-refused-this-call").build();
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            String type = fault.get();
            if (type == null) {
                return context.httpResponse();
            }
            return context.httpResponse().toBuilder().statusCode(type.equals("TooManyRequestsException") ? 429 : 400)
                    .putHeader("x-amzn-ErrorType", type).build();
        }

        @Override
        public java.util.Optional<java.io.InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                ExecutionAttributes attributes) {
            String type = fault.get();
            if (type == null) {
                return context.responseBody();
            }
            String message = type.equals("TooManyRequestsException") ? "Maximum sending rate exceeded." : "Sending is paused for this account.";
            return java.util.Optional.of(AbortableInputStream.create(
                    new ByteArrayInputStream(("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8))));
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            if (call.get() != null && call.get() == 23) {
                // SES took message 23; its answer never reached the worker.
                throw new IllegalStateException("connection reset after the request was sent");
            }
        }
    }

    @Test
    void underDuplicatesThrottlingAPauseAndALostAnswerEveryoneEndsOnceAndNobodyGetsTwo() throws Exception {
        Map<String, String> environment = new HashMap<>(stack.environmentFor("SendFunction"));
        // One second, not the deployed 15 s to 15 min, so the drill is quick: throttled and paused
        // batches still go back on the queue with a delay. The backoff itself is RetryDelayTest's.
        environment.put(Setting.SEND_RETRY_FIRST_DELAY_SECONDS.name(), "1");
        environment.put(Setting.SEND_RETRY_LONGEST_DELAY_SECONDS.name(), "1");
        FaultySes faults = new FaultySes();
        SesV2Client ses = SesV2Client.builder().endpointOverride(stack.sesEndpoint()).region(Region.of(environment.get("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(environment.get("AWS_ACCESS_KEY_ID"),
                        environment.get("AWS_SECRET_ACCESS_KEY"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // No SDK retries here: every injected throttle reaches Despatch's own handling, and the drill stays quick.
                .overrideConfiguration(c -> c.addExecutionInterceptor(faults)
                        .retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry())).build();
        Wiring wiring = new Wiring(Settings.from(environment, Setting.Function.SendFunction), Clock.systemUTC(),
                AwsClients.of(stack.s3(), stack.dynamoDb(), ses, stack.secretsManager(), stack.sqs(), null));

        List<Subscriber> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(new Subscriber(String.format("s%03d", i), EmailAddress.parse("drill" + i + "@example.org.uk"), "", "",
                    i == 5 ? SubscriberStatus.UNSUBSCRIBED : SubscriberStatus.ACTIVE, i == 5 ? Set.of() : Set.of("newsletter"), Set.of(), null,
                    List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, Set.of("newsletter"), "", ConsentSource.IMPORT, "", "",
                            "test")), Instant.now(), Instant.now(), 1));
        }
        new DynamoDbSubscriberStore(stack.dynamoDb(), environment.get("SUBSCRIBERS_TABLE")).createAll(people);
        new S3RenderedEmailStore(stack.s3(), environment.get("UPLOADS_BUCKET")).save("drill", new RenderedArticle("Fault drill", "",
                "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>", "Unsubscribe: {{unsubscribe_url}}", "<html></html>"));
        DynamoDbCampaignStore campaigns = new DynamoDbCampaignStore(stack.dynamoDb(), environment.get("CAMPAIGNS_TABLE"));
        campaigns.create(new Campaign("c-drill", "drill", "Fault drill", List.of("newsletter"), CampaignStatus.SENDING, null,
                FanOutCursor.START, true, new CampaignCounts(PEOPLE, 0, 0, 0, 0), Instant.now(), Instant.now(), 1));

        // Every batch enqueued twice, as a fan-out retried after a crash would.
        String queue = stack.template().ref("SendQueue");
        for (int from = 0; from < PEOPLE; from += 10) {
            List<Recipient> batch = people.subList(from, from + 10).stream().map(p -> new Recipient(p.id(), p.address())).toList();
            String body = SendBatchCodec.CODEC.write(new SendBatch("c-drill", "drill", Set.of("newsletter"), batch));
            stack.sqs().sendMessage(send -> send.queueUrl(queue).messageBody(body));
            stack.sqs().sendMessage(send -> send.queueUrl(queue).messageBody(body));
        }

        SendHandler handler = new SendHandler(wiring);
        try (EventSourceMapping mapping = EventSourceMapping.fromTemplate(stack, "SendFunction", handler,
                EventSourceMapping.Options.LOCAL.withFailedMessageVisibility(Duration.ZERO))) {
            // SES pauses the campaign part-way; its batches wait (re-queued with a delay) until staff resume it.
            long deadline = System.currentTimeMillis() + 60_000;
            while (campaigns.find("c-drill").orElseThrow().status() != CampaignStatus.PAUSED && System.currentTimeMillis() < deadline) {
                mapping.drain(Duration.ofSeconds(1));
            }
            assertEquals(CampaignStatus.PAUSED, campaigns.find("c-drill").orElseThrow().status());
            // Paused: each waiting batch comes back (a 1 s wait) and is put back again, a few times over.
            mapping.drain(Duration.ofSeconds(3));
            new SendingFactory(StackWiring.of(stack, Setting.Function.FanOutFunction, Clock.systemUTC())).staffCampaignActions()
                    .startNow("c-drill");
            assertTrue(mapping.drain(Duration.ofSeconds(90)).queueEmpty(), "nothing left on the queue");
        }

        DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(stack.dynamoDb(), environment.get("CAMPAIGNS_TABLE"));
        Map<DeliveryState, Integer> ends = new EnumMap<>(DeliveryState.class);
        people.forEach(p -> ends.merge(ledger.stateOf("c-drill", p.id()), 1, Integer::sum));
        Map<String, Long> copies = stack.capturedEmails().stream().filter(m -> m.subject().equals("Fault drill"))
                .flatMap(m -> m.to().stream()).collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        System.out.println("fault drill through SendHandler, " + PEOPLE + " subscribers: " + ends + "; SES calls " + faults.sends.get()
                + "; copies received " + copies.size() + " people, at most " + copies.values().stream().mapToLong(n -> n).max().orElse(0));

        assertEquals(Map.of(DeliveryState.SENT, PEOPLE - 2, DeliveryState.SUPPRESSED, 1, DeliveryState.CLAIMED, 1), ends,
                "sent, the one who left suppressed, the lost answer unknown; no one left in RETRY or unclaimed");
        assertTrue(copies.values().stream().allMatch(n -> n == 1), "no duplicates: " + copies);
        assertEquals(PEOPLE - 1, copies.size(), "everyone active got it, the lost answer's recipient included");
    }
}
