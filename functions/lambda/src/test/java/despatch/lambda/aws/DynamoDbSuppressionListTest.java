package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.SuppressionList;
import despatch.lambda.wiring.Setting;
import despatch.subscription.SubscriberStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The suppression list on the DynamoDB emulator, from the table's sparse index: an address is in
 * it from its suppression until a fresh opt-in lifts it, newest first, paged by a cursor a link
 * can carry; a cursor that is not one starts again from the newest.
 */
class DynamoDbSuppressionListTest {
    private final String table = TestStack.environment(Setting.Function.ConsoleFunction).get(Setting.SUBSCRIBERS_TABLE.name());
    private final DynamoDbSubscriberStore store = new DynamoDbSubscriberStore(TestStack.get().dynamoDb(), table);
    private final DynamoDbSuppressionList list = new DynamoDbSuppressionList(TestStack.get().dynamoDb(), table);

    @Test
    void suppressedAddressesAreListedNewestFirstPageByPageUntilLifted() {
        // Far in the future, so newer than whatever else the tests suppress.
        Instant at = Instant.parse("2099-01-01T00:00:00Z");
        String held = "held-" + UUID.randomUUID();
        String bounced = "addr-" + UUID.randomUUID();
        String erased = "addr-" + UUID.randomUUID();
        String lifted = "addr-" + UUID.randomUUID();
        store.claimAddress(bounced, held);
        store.suppressAddress(bounced, SubscriberStatus.BOUNCED, at);
        store.suppressAddress(erased, SubscriberStatus.ERASED, at.plusSeconds(60));
        store.suppressAddress(lifted, SubscriberStatus.COMPLAINED, at.plusSeconds(120));
        store.clearSuppression(lifted);

        SuppressionList.Page first = list.newestFirst(Optional.empty(), 1);
        assertEquals(List.of(new SuppressionList.Entry(at.plusSeconds(60), SubscriberStatus.ERASED, Optional.empty())), first.entries(),
                "the newest still suppressed: the lifted one has left the list");
        SuppressionList.Page second = list.newestFirst(first.next(), 1);
        assertEquals(List.of(new SuppressionList.Entry(at, SubscriberStatus.BOUNCED, Optional.of(held))), second.entries());

        List<SuppressionList.Entry> fromNonsense = list.newestFirst(Optional.of("not-a-cursor"), 1).entries();
        assertEquals(first.entries(), fromNonsense, "a cursor that is not one starts from the newest");
        List<SuppressionList.Entry> all = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            SuppressionList.Page page = list.newestFirst(next, 50);
            all.addAll(page.entries());
            next = page.next();
        } while (next.isPresent());
        assertTrue(all.stream().noneMatch(entry -> entry.reason() == SubscriberStatus.COMPLAINED && entry.at().equals(at.plusSeconds(120))));
    }
}
