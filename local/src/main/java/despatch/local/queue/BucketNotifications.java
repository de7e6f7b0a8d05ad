package despatch.local.queue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import despatch.lambda.ImportHandler;
import despatch.lambda.PublishHandler;
import despatch.lambda.wiring.Setting;
import despatch.local.S3EventFactory;
import despatch.local.StackConnection;
import despatch.local.StackWiring;
import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.ProjectRoot;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 event notifications as a function's {@code Type: S3} events in template.yaml declare them
 * (bucket, {@code s3:ObjectCreated:*}, a key prefix, and a suffix each), for {@code ./despatch serve}: S3Proxy sends no
 * notifications, so the bucket is listed under the prefix every second, and each object that is
 * new or replaced since (another ETag or time) is handed to the function as the event S3 sends.
 * What is in the bucket when it starts was there before: it is not announced again.
 */
public final class BucketNotifications implements AutoCloseable {
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    /** A key must end with one of these (any key, if there are none). */
    private final Set<String> suffixes;
    private final S3EventFactory events;
    private final Consumer<S3Event> function;
    private final Map<String, String> seen = new HashMap<>();
    private Thread poller;
    private volatile boolean stopped;

    BucketNotifications(S3Client s3, String bucket, String prefix, Set<String> suffixes, S3EventFactory events, Consumer<S3Event> function) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.suffixes = Set.copyOf(suffixes);
        this.events = events;
        this.function = function;
    }

    /** PublishFunction's uploads under articles/, for a stack in this process. */
    public static BucketNotifications forPublishing(LocalAwsStack stack) {
        PublishHandler handler = new PublishHandler(StackWiring.of(stack, Setting.Function.PublishFunction, Clock.systemUTC()));
        return fromTemplate(stack.template(), stack.s3(), Setting.Function.PublishFunction.name(), new S3EventFactory(ProjectRoot.find()),
                event -> handler.handleRequest(event, null));
    }

    /** The same for the stack {@code ./despatch up} runs, its clients and settings from the environment its env file exports. */
    public static BucketNotifications forPublishing(StackConnection stack, Path projectRoot) {
        PublishHandler handler = new PublishHandler();
        return fromTemplate(CloudFormationTemplate.load(projectRoot.resolve("template.yaml")), stack.s3(),
                Setting.Function.PublishFunction.name(), new S3EventFactory(projectRoot), event -> handler.handleRequest(event, null));
    }

    /** ImportFunction's subscriber CSVs under imports/, for a stack in this process. */
    public static BucketNotifications forImports(LocalAwsStack stack) {
        ImportHandler handler = new ImportHandler(StackWiring.of(stack, Setting.Function.ImportFunction, Clock.systemUTC()));
        return fromTemplate(stack.template(), stack.s3(), Setting.Function.ImportFunction.name(), S3EventFactory.forImports(ProjectRoot.find()),
                event -> handler.handleRequest(event, null));
    }

    /** The same for the stack {@code ./despatch up} runs. */
    public static BucketNotifications forImports(StackConnection stack, Path projectRoot) {
        ImportHandler handler = new ImportHandler();
        return fromTemplate(CloudFormationTemplate.load(projectRoot.resolve("template.yaml")), stack.s3(),
                Setting.Function.ImportFunction.name(), S3EventFactory.forImports(projectRoot), event -> handler.handleRequest(event, null));
    }

    /**
     * The notifications of {@code functionId}'s S3 events in the template: one bucket and key
     * prefix, as Despatch declares them, and each event's suffix.
     */
    public static BucketNotifications fromTemplate(CloudFormationTemplate template, S3Client s3, String functionId, S3EventFactory events,
            Consumer<S3Event> function) {
        Map<?, ?> byName = (Map<?, ?>) template.resource(functionId).property("Events");
        Set<String> buckets = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        Set<String> suffixes = new HashSet<>();
        for (Object value : byName.values()) {
            if (value instanceof Map<?, ?> event && "S3".equals(event.get("Type")) && event.get("Properties") instanceof Map<?, ?> properties) {
                buckets.add(template.resolveToString(properties.get("Bucket")));
                prefixes.add(rule(properties, "prefix"));
                suffixes.add(rule(properties, "suffix"));
            }
        }
        if (buckets.size() != 1 || prefixes.size() != 1) {
            throw new IllegalArgumentException(functionId + " needs S3 events on one bucket and one key prefix, not " + buckets + " " + prefixes);
        }
        suffixes.remove("");
        return new BucketNotifications(s3, buckets.iterator().next(), prefixes.iterator().next(), suffixes, events, function);
    }

    /** The event's key filter rule of this name (prefix or suffix), or empty text. */
    private static String rule(Map<?, ?> properties, String name) {
        if (properties.get("Filter") instanceof Map<?, ?> filter && filter.get("S3Key") instanceof Map<?, ?> key
                && key.get("Rules") instanceof List<?> rules) {
            for (Object rule : rules) {
                if (rule instanceof Map<?, ?> named && name.equals(named.get("Name"))) {
                    return String.valueOf(named.get("Value"));
                }
            }
        }
        return "";
    }

    public BucketNotifications start() {
        list().forEach(object -> seen.put(object.key(), version(object)));
        poller = Thread.ofVirtual().name("despatch-s3-notifications-" + bucket).start(this::poll);
        return this;
    }

    private void poll() {
        while (!stopped) {
            try {
                announceChanges();
                Thread.sleep(EVERY);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // As S3 would retry a notification: the next listing tries again.
                System.err.println("despatch serve: S3 notifications for " + bucket + ": " + e);
            }
        }
    }

    /** Hands each new or replaced object under the prefix to the function, once. */
    void announceChanges() {
        for (S3Object object : list()) {
            String version = version(object);
            if (!version.equals(seen.get(object.key()))) {
                seen.put(object.key(), version);
                function.accept(events.objectCreated(bucket, object.key(), object.size()));
            }
        }
    }

    private List<S3Object> list() {
        return s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents().stream()
                .filter(object -> suffixes.isEmpty() || suffixes.stream().anyMatch(object.key()::endsWith)).toList();
    }

    private static String version(S3Object object) {
        return object.eTag() + " " + object.lastModified();
    }

    @Override
    public void close() {
        stopped = true;
        if (poller != null) {
            poller.interrupt();
            try {
                poller.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
