package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.lambda.wiring.Setting;
import despatch.publish.LoggedUpload;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upload log on the DynamoDB emulator: newest first, a refusal's reasons kept as written. */
class DynamoDbUploadLogTest {
    private final DynamoDbUploadLog log = new DynamoDbUploadLog(TestStack.get().dynamoDb(),
            TestStack.environment(Setting.Function.PublishFunction).get(Setting.APPROVALS_TABLE.name()));

    @Test
    void theLatestUploadsComeNewestFirstWithTheirReasons() {
        // Later than anything else a test logs, so these are the newest.
        Instant at = Instant.parse("2099-06-01T00:00:00Z");
        LoggedUpload published = new LoggedUpload("articles/bus.md", "published", "bus-route", List.of(), at);
        LoggedUpload rejected = new LoggedUpload("articles/bad.md", "rejected", "", List.of("front matter: lists: no list “x”"),
                at.plusSeconds(1));
        log.record(published);
        log.record(rejected);
        assertEquals(List.of(rejected, published), log.latest(2));
    }
}
