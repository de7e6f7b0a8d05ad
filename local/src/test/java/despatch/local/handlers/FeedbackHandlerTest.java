package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import despatch.lambda.FeedbackHandler;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.local.stack.ProjectRoot;
import despatch.subscription.AddressKey;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.common.EmailAddress;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real FeedbackHandler on the SNS notifications in events/, against DynamoDB. */
class FeedbackHandlerTest {
    private final FeedbackHandler handler = new FeedbackHandler(TestStack.wiring(Setting.Function.FeedbackFunction, Clock.systemUTC()));
    private final DynamoDbSubscriberStore store = new DynamoDbSubscriberStore(TestStack.get().dynamoDb(),
            TestStack.environment(Setting.Function.FeedbackFunction).get("SUBSCRIBERS_TABLE"));

    private static SNSEvent event(String file) throws Exception {
        return LambdaEventSerializers.serializerFor(SNSEvent.class, FeedbackHandlerTest.class.getClassLoader())
                .fromJson(Files.newInputStream(ProjectRoot.find().resolve("events/" + file)));
    }

    private Subscriber active(String email) throws Exception {
        Subscriber subscriber = new Subscriber("fb-" + email.hashCode(), EmailAddress.parse(email), "", "", SubscriberStatus.ACTIVE,
                Set.of("newsletter"), Set.of(), null, List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, Set.of("newsletter"),
                        "", ConsentSource.IMPORT, "", "", "test")), Instant.now(), Instant.now(), 1);
        store.claimAddress(subscriber.addressKey(), subscriber.id());
        store.createAll(List.of(subscriber));
        return subscriber;
    }

    @Test
    void aHardBounceNotificationSuppressesTheSubscriber() throws Exception {
        Subscriber gone = active("gone@example.org.uk");
        Map<String, Object> result = handler.handleRequest(event("sns-ses-bounce.json"), null);
        assertEquals(1, result.get("suppressed"));
        assertEquals(SubscriberStatus.BOUNCED, store.findSubscriber(gone.id()).orElseThrow().status());
        assertEquals(SubscriberStatus.BOUNCED,
                store.findAddress(AddressKey.of(gone.address())).orElseThrow().suppression().orElseThrow());
    }

    @Test
    void aComplaintNotificationSuppressesTheSubscriber() throws Exception {
        Subscriber annoyed = active("annoyed@example.org.uk");
        handler.handleRequest(event("sns-ses-complaint.json"), null);
        assertEquals(SubscriberStatus.COMPLAINED, store.findSubscriber(annoyed.id()).orElseThrow().status());
    }

    @Test
    void aDeliveryNotificationChangesNothingWithTrackingOff() throws Exception {
        Map<String, Object> result = handler.handleRequest(event("sns-ses-delivery.json"), null);
        assertEquals(0, result.get("suppressed"));
    }

    @Test
    void withTrackingOnADeliveryIsCountedOnItsCampaign() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(TestStack.environment(Setting.Function.FeedbackFunction));
        environment.put("TRACKING", "true");
        var campaigns = new despatch.lambda.aws.DynamoDbCampaignStore(TestStack.get().dynamoDb(), environment.get("CAMPAIGNS_TABLE"));
        campaigns.create(new despatch.sending.Campaign("c-winter-surgeries-in-llanfair", "winter-surgeries-in-llanfair", "Winter",
                List.of("newsletter"), despatch.sending.CampaignStatus.SENT, null, despatch.sending.FanOutCursor.START, true,
                despatch.sending.CampaignCounts.NONE, Instant.now(), Instant.now(), 1));
        FeedbackHandler tracking = new FeedbackHandler(
                despatch.local.StackWiring.of(TestStack.get(), environment, Setting.Function.FeedbackFunction, Clock.systemUTC()));

        tracking.handleRequest(event("sns-ses-delivery.json"), null);

        var item = TestStack.get().dynamoDb().getItem(get -> get.tableName(environment.get("CAMPAIGNS_TABLE")).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CAMPAIGN#c-winter-surgeries-in-llanfair"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CAMPAIGN")))).item();
        assertEquals("1", item.get("events_delivery").n());
    }
}
