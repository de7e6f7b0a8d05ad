package despatch.local.handlers;

import despatch.lambda.SubscriberMailHandler;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.local.S3EventFactory;
import despatch.local.queue.EventSourceMapping;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** One local AWS stack for all handler tests in this JVM: emulators start once, in about a second. */
final class TestStack {

    private TestStack() {
    }

    static LocalAwsStack get() {
        return LocalAwsStack.shared();
    }

    static Map<String, String> environment(Setting.Function function) {
        return get().environmentFor(function.name());
    }

    /** The wiring a deployed function would build, pointed at the emulators. */
    static Wiring wiring(Setting.Function function, Clock clock) {
        return despatch.local.StackWiring.of(get(), function, clock);
    }

    /**
     * SubscriberMailFunction's event source mapping run until the subscriber mail queue is empty, as
     * Lambda runs it soon after a request: subscribe and data-link requests are carried out there.
     */
    static EventSourceMapping.DrainResult drainSubscriberMail() {
        try (EventSourceMapping mapping = EventSourceMapping.fromTemplate(get(), "SubscriberMailFunction",
                new SubscriberMailHandler(wiring(Setting.Function.SubscriberMailFunction, Clock.systemUTC())),
                EventSourceMapping.Options.LOCAL.withPollWait(Duration.ZERO))) {
            EventSourceMapping.DrainResult drained = mapping.drain(Duration.ofSeconds(30));
            if (!drained.queueEmpty() || drained.reportedFailed() > 0) {
                throw new AssertionError("The subscriber mail queue did not drain cleanly: " + drained);
            }
            return drained;
        }
    }

    static String bucket(String setting) {
        return environment(Setting.Function.PublishFunction).get(setting);
    }

    static void upload(String key, String text) {
        upload(key, text.getBytes(StandardCharsets.UTF_8));
    }

    static void upload(String key, byte[] bytes) {
        get().s3().putObject(put -> put.bucket(bucket("UPLOADS_BUCKET")).key(key), RequestBody.fromBytes(bytes));
    }

    static String read(String bucketSetting, String key) {
        return get().s3().getObjectAsBytes(get -> get.bucket(bucket(bucketSetting)).key(key)).asUtf8String();
    }

    static boolean exists(String bucketSetting, String key) {
        try {
            get().s3().headObject(head -> head.bucket(bucket(bucketSetting)).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static S3EventFactory events() {
        return new S3EventFactory(ProjectRoot.find());
    }
}
