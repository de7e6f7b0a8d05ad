package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.sending.QuotaLedger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The daily quota's one item on the DynamoDB emulator, in a table of its own (the shared one's quota is every test's). */
class DynamoDbQuotaLedgerTest {
    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");
    private static final Instant TEN_PAST = NINE.plusSeconds(600);
    private final DynamoDbClient dynamoDb = TestStack.get().dynamoDb();
    private final QuotaLedger ledger = new DynamoDbQuotaLedger(dynamoDb, table());

    private String table() {
        String name = "quota-" + UUID.randomUUID();
        dynamoDb.createTable(create -> create.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        return name;
    }

    @Test
    void reservationsAddUpPerSlotAndOnlyOnTheVersionRead() {
        assertEquals(new QuotaLedger.Reservations(new java.util.TreeMap<>(), 0), ledger.read(), "nothing reserved yet");
        assertTrue(ledger.reserve(NINE, 500, 0, List.of()));
        assertFalse(ledger.reserve(NINE, 500, 0, List.of()), "a second first reservation lost the race");
        assertTrue(ledger.reserve(NINE, 200, 1, List.of()));
        assertTrue(ledger.reserve(TEN_PAST, 50, 2, List.of()));
        assertFalse(ledger.reserve(TEN_PAST, 50, 2, List.of()), "decided on counts that have changed");

        QuotaLedger.Reservations read = ledger.read();
        assertEquals(Map.of(NINE, 700L, TEN_PAST, 50L), read.slots());
        assertEquals(3, read.version());
    }

    @Test
    void expiredSlotsGoAndWhatIsGivenBackCountsNoMore() {
        assertTrue(ledger.reserve(NINE, 500, 0, List.of()));
        ledger.giveBack(NINE, 20);
        QuotaLedger.Reservations read = ledger.read();
        assertEquals(Map.of(NINE, 480L), read.slots());
        assertEquals(1, read.version(), "a reservation that read before the give-back is only more cautious: it need not read again");

        Instant tomorrow = NINE.plusSeconds(86_400 + 1_200);
        assertTrue(ledger.reserve(tomorrow, 10, 1, List.of(NINE)));
        assertEquals(Map.of(tomorrow, 10L), ledger.read().slots());
        ledger.giveBack(NINE, 5);
        assertEquals(Map.of(tomorrow, 10L), ledger.read().slots(), "nothing to give back to once the slot has gone");
    }
}
