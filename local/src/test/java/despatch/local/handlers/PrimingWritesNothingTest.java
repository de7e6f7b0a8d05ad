package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.lambda.ConsoleHandler;
import despatch.lambda.FanOutHandler;
import despatch.lambda.FeedbackHandler;
import despatch.lambda.ImportHandler;
import despatch.lambda.PreviewHandler;
import despatch.lambda.PublishHandler;
import despatch.lambda.SendHandler;
import despatch.lambda.SiteHandler;
import despatch.lambda.SubscriberMailHandler;
import despatch.lambda.SubscriptionHandler;
import despatch.lambda.wiring.Setting.Function;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.LocalAwsStack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SnapStart primes each function in the real account before its snapshot, write paths included:
 * every table, bucket and queue, and the mail sent, are the same after priming as before.
 */
class PrimingWritesNothingTest {
    private static final LocalAwsStack STACK = TestStack.get();

    @ParameterizedTest
    @EnumSource(Function.class)
    void primingAFunctionWritesNothing(Function function) {
        Map<String, List<String>> before = everything();

        if (function == Function.StackNameCheckFunction) {
            // Not snapshotted (it runs once per deployment, before the site exists): building it is all there is before its one run.
            new despatch.lambda.StackNameCheckHandler(despatch.local.StackWiring.clients(STACK));
        } else {
            primer(function).accept(TestStack.wiring(function, Clock.systemUTC()));
        }

        assertEquals(before, everything(), function + " changed something while priming");
    }

    private static Consumer<Wiring> primer(Function function) {
        return switch (function) {
            case PublishFunction -> wiring -> new PublishHandler(wiring).prime();
            case PreviewFunction -> wiring -> new PreviewHandler(wiring).prime();
            case SubscriptionFunction -> wiring -> new SubscriptionHandler(wiring).prime();
            case SubscriberMailFunction -> wiring -> new SubscriberMailHandler(wiring).prime();
            case ImportFunction -> wiring -> new ImportHandler(wiring).prime();
            case FanOutFunction -> wiring -> new FanOutHandler(wiring).prime();
            case SiteFunction -> wiring -> new SiteHandler(wiring).prime();
            case FeedbackFunction -> wiring -> new FeedbackHandler(wiring).prime();
            case SendFunction -> wiring -> new SendHandler(wiring).prime();
            case ConsoleFunction -> wiring -> new ConsoleHandler(wiring).prime();
            case StackNameCheckFunction -> throw new IllegalArgumentException("has no wiring: see above");
        };
    }

    /** Every table's items, every bucket's objects with their ETags, every queue's message counts, and the mail captured. */
    private static Map<String, List<String>> everything() {
        Map<String, List<String>> state = new TreeMap<>();
        for (String table : STACK.dynamoDb().listTables().tableNames()) {
            List<String> items = new ArrayList<>();
            STACK.dynamoDb().scanPaginator(scan -> scan.tableName(table)).items().forEach(item -> items.add(new TreeMap<>(item).toString()));
            items.sort(null);
            state.put("table " + table, items);
        }
        STACK.s3().listBuckets().buckets().forEach(bucket -> state.put("bucket " + bucket.name(),
                STACK.s3().listObjectsV2Paginator(list -> list.bucket(bucket.name())).contents().stream()
                        .map(object -> object.key() + " " + object.eTag()).sorted().toList()));
        for (String queue : STACK.sqs().listQueues().queueUrls()) {
            state.put("queue " + queue, STACK.sqs().getQueueAttributes(get -> get.queueUrl(queue).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes().entrySet().stream()
                    .map(Map.Entry::toString).sorted().toList());
        }
        state.put("mail", STACK.capturedEmails().stream().map(Object::toString).sorted().toList());
        return state;
    }
}
