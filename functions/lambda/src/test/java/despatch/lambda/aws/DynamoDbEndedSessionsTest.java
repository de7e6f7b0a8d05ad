package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.lambda.wiring.Setting;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signed-out sessions on the DynamoDB emulator. */
class DynamoDbEndedSessionsTest {
    private final DynamoDbEndedSessions ended = new DynamoDbEndedSessions(TestStack.get().dynamoDb(),
            TestStack.environment(Setting.Function.PublishFunction).get(Setting.APPROVALS_TABLE.name()));

    @Test
    void aSessionSignedOutOfIsEndedAndAnotherIsNot() {
        String id = "session-" + UUID.randomUUID();
        assertFalse(ended.isEnded(id));
        ended.end(id, Instant.now().plusSeconds(3600));
        assertTrue(ended.isEnded(id));
        assertFalse(ended.isEnded("session-" + UUID.randomUUID()));
    }
}
