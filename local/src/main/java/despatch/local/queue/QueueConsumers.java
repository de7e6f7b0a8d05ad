package despatch.local.queue;

import despatch.local.StackWiring;
import despatch.lambda.FanOutHandler;
import despatch.lambda.SendHandler;
import despatch.lambda.SiteHandler;
import despatch.lambda.SubscriberMailHandler;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.LocalAwsStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The fan-out, send, site and subscriber mail queues consumed as Lambda's event source mappings
 * would consume them in AWS: drained after {@code ./despatch publish}, or in the background while
 * {@code serve} runs, so an article published or an embargo that ends meanwhile is sent and
 * listed, and a subscription or a data link asked for on a form is recorded and mailed.
 */
public final class QueueConsumers implements AutoCloseable {
    private final List<EventSourceMapping> mappings;
    private final Runnable closeClient;

    private QueueConsumers(List<EventSourceMapping> mappings, Runnable closeClient) {
        this.mappings = mappings;
        this.closeClient = closeClient;
    }

    /** Consume in the background until closed ({@code ./despatch serve}). */
    public QueueConsumers start() {
        mappings.forEach(EventSourceMapping::start);
        return this;
    }

    /**
     * Fan-out first, then the sends it queued, each until its queue is empty, then the site's
     * updates (publishing and embargo releases both ask for them) ({@code ./despatch publish}, {@code demo}).
     */
    public void drain(java.time.Duration fanOutTimeout, java.time.Duration sendTimeout) {
        mappings.get(0).drain(fanOutTimeout);
        mappings.get(1).drain(sendTimeout);
        mappings.get(2).drain(fanOutTimeout);
    }

    /** For a stack in this process. */
    public static QueueConsumers forStack(LocalAwsStack stack) {
        return new QueueConsumers(List.of(
                EventSourceMapping.fromTemplate(stack, "FanOutFunction", new FanOutHandler(wiring(stack, Setting.Function.FanOutFunction))),
                EventSourceMapping.fromTemplate(stack, "SendFunction", new SendHandler(wiring(stack, Setting.Function.SendFunction))),
                EventSourceMapping.fromTemplate(stack, "SiteFunction", new SiteHandler(wiring(stack, Setting.Function.SiteFunction))),
                EventSourceMapping.fromTemplate(stack, "SubscriberMailFunction",
                        new SubscriberMailHandler(wiring(stack, Setting.Function.SubscriberMailFunction)))),
                () -> { });
    }

    /** For the stack {@code ./despatch up} runs, from the environment its env file exports. */
    public static QueueConsumers fromEnvironment(Map<String, String> environment, Path projectRoot) {
        CloudFormationTemplate template = CloudFormationTemplate.load(projectRoot.resolve("template.yaml"))
                .withSqsEndpoint(URI.create(environment.get("AWS_ENDPOINT_URL_SQS")));
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new QueueConsumers(List.of(
                EventSourceMapping.fromTemplate(template, sqs, "FanOutFunction", new FanOutHandler(), EventSourceMapping.Options.LOCAL),
                EventSourceMapping.fromTemplate(template, sqs, "SendFunction", new SendHandler(), EventSourceMapping.Options.LOCAL),
                EventSourceMapping.fromTemplate(template, sqs, "SiteFunction", new SiteHandler(), EventSourceMapping.Options.LOCAL),
                EventSourceMapping.fromTemplate(template, sqs, "SubscriberMailFunction", new SubscriberMailHandler(),
                        EventSourceMapping.Options.LOCAL)),
                sqs::close);
    }

    private static Wiring wiring(LocalAwsStack stack, Setting.Function function) {
        return StackWiring.of(stack, function, Clock.systemUTC());
    }

    /**
     * Stops every mapping at once: each waits for its pollers' long polls (up to 2 s) to return,
     * so closing them one after another would add those waits up.
     */
    @Override
    public void close() {
        try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
            mappings.forEach(mapping -> closing.execute(mapping::close));
        }
        closeClient.run();
    }
}
