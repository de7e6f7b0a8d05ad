package despatch.local.queue;

import despatch.lambda.FanOutHandler;
import despatch.lambda.SendHandler;
import despatch.lambda.wiring.Setting;
import despatch.lambda.wiring.Settings;
import despatch.lambda.wiring.Wiring;
import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.LocalAwsStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The fan-out and send queues consumed in the background while {@code ./despatch serve} runs, as
 * Lambda's event source mappings would consume them in AWS: a subscriber who confirms while an
 * article is being published gets it, and embargoes that fire are sent.
 */
public final class QueueConsumers implements AutoCloseable {
    private final List<EventSourceMapping> mappings;
    private final AutoCloseable client;

    private QueueConsumers(List<EventSourceMapping> mappings, AutoCloseable client) {
        this.mappings = mappings;
        this.client = client;
        mappings.forEach(EventSourceMapping::start);
    }

    /** For a stack in this process. */
    public static QueueConsumers forStack(LocalAwsStack stack) {
        return new QueueConsumers(List.of(
                EventSourceMapping.fromTemplate(stack, "FanOutFunction", new FanOutHandler(wiring(stack, Setting.Function.FanOutFunction))),
                EventSourceMapping.fromTemplate(stack, "SendFunction", new SendHandler(wiring(stack, Setting.Function.SendFunction)))),
                () -> { });
    }

    /** For the stack {@code ./despatch up} runs, from the environment its env file exports. */
    public static QueueConsumers fromEnvironment(Map<String, String> environment, Path projectRoot) {
        CloudFormationTemplate template = CloudFormationTemplate.load(projectRoot.resolve("template.yaml"))
                .withSqsEndpoint(URI.create(environment.get("AWS_ENDPOINT_URL_SQS")));
        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new QueueConsumers(List.of(
                EventSourceMapping.fromTemplate(template, sqs, "FanOutFunction", new FanOutHandler(), EventSourceMapping.Options.LOCAL),
                EventSourceMapping.fromTemplate(template, sqs, "SendFunction", new SendHandler(), EventSourceMapping.Options.LOCAL)),
                sqs::close);
    }

    private static Wiring wiring(LocalAwsStack stack, Setting.Function function) {
        return new Wiring(Settings.from(stack.environmentFor(function.name()), function), Clock.systemUTC(), stack.s3(), stack.dynamoDb(),
                stack.sesV2(), stack.secretsManager(), stack.sqs(), stack.scheduler());
    }

    @Override
    public void close() throws Exception {
        for (EventSourceMapping mapping : mappings) {
            mapping.close();
        }
        client.close();
    }
}
