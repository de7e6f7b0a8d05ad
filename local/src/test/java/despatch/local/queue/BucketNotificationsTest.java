package despatch.local.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.lambda.wiring.Setting;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * S3's notifications as serve delivers them: a CSV put under imports/ is imported by the real
 * ImportHandler and its report written beside it; the report, under the same prefix but not a
 * .csv, starts nothing; and what was there before the notifications started is not announced.
 */
class BucketNotificationsTest {
    private static LocalAwsStack stack;
    private static String bucket;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.start();
        bucket = stack.environmentFor(Setting.Function.ImportFunction.name()).get(Setting.UPLOADS_BUCKET.name());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aCsvUnderImportsIsImportedAndItsReportStartsNothing() throws Exception {
        byte[] csv = Files.readAllBytes(ProjectRoot.find().resolve("local/samples/subscribers/constituents.csv"));
        put("imports/before.csv", csv);
        try (BucketNotifications imports = BucketNotifications.forImports(stack).start()) {
            put("imports/console/members.csv", csv);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!exists("imports/console/members.csv.report.txt") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(exists("imports/console/members.csv.report.txt"), "the import wrote its report");
            Thread.sleep(2500);
            assertFalse(exists("imports/console/members.csv.report.txt.report.txt"), "a report is not imported");
            assertFalse(exists("imports/before.csv.report.txt"), "what was there before is not announced");
        }
    }

    private static void put(String key, byte[] bytes) {
        stack.s3().putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    private static boolean exists(String key) {
        try {
            stack.s3().headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
