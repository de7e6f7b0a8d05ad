package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.common.EmailAddress;
import despatch.lambda.wiring.Setting;
import despatch.subscription.ConsentAction;
import despatch.subscription.ConsentRecord;
import despatch.subscription.ConsentSource;
import despatch.subscription.Subscriber;
import despatch.subscription.SubscriberStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A list's size counted on the DynamoDB emulator: its active members only. */
class DynamoDbListSizesTest {
    private final String table = TestStack.environment(Setting.Function.SubscriptionFunction).get(Setting.SUBSCRIBERS_TABLE.name());

    @Test
    void countsTheListsActiveMembersAndNobodyElse() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String list = "sizes-" + run;
        List<Subscriber> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean active = i % 3 != 0;
            Set<String> lists = active ? Set.of(list) : Set.of();
            people.add(new Subscriber("size-" + i + "-" + run, EmailAddress.parse("size" + i + "-" + run + "@example.org.uk"), "", "",
                    active ? SubscriberStatus.ACTIVE : SubscriberStatus.UNSUBSCRIBED, lists, Set.of(), null,
                    List.of(new ConsentRecord(Instant.now(), ConsentAction.IMPORTED, lists, "", ConsentSource.IMPORT, "", "", "test")),
                    Instant.now(), Instant.now(), 1));
        }
        new DynamoDbSubscriberStore(TestStack.get().dynamoDb(), table).createAll(people);

        DynamoDbListSizes sizes = new DynamoDbListSizes(TestStack.get().dynamoDb(), table);
        assertEquals(20, sizes.activeMembers(list));
        assertEquals(0, sizes.activeMembers("nobody-" + run));
    }
}
