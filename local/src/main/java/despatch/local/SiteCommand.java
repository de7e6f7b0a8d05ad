package despatch.local;

import despatch.lambda.aws.SqsSiteChanges;
import despatch.local.queue.QueueConsumers;
import despatch.local.stack.ProjectRoot;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ./despatch site rebuild: the same message staff send in AWS ({"rebuild": true} on the site queue,
 * group "site"), consumed by the real SiteHandler as Lambda would. Through the queue, so a rebuild
 * never overlaps an update that serve's consumers are applying.
 */
final class SiteCommand {
    private SiteCommand() {
    }

    /** @param rerender {@code --rerender}: every published article's page made again from its upload with the current templates */
    static int run(Map<String, String> environment, boolean rerender) {
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            new SqsSiteChanges(sqs, environment.get("SITE_QUEUE_URL")).rebuild(rerender);
        }
        try (QueueConsumers queues = QueueConsumers.fromEnvironment(environment, ProjectRoot.find())) {
            queues.drain(Duration.ofMinutes(2), Duration.ofMinutes(2));
        }
        System.out.println((rerender ? "Site rebuilt, each published article re-rendered from its upload with the current templates: "
                + "the site.updated line above counts the files written, removed and already right, and lists any article kept as it was, "
                + "with the reason" : "Site rebuilt from the article records: the site.updated line above counts the files written, "
                + "removed and already right") + " (if ./despatch serve is running, its consumer may have applied it instead).");
        return 0;
    }
}
