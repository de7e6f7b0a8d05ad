package despatch.lambda.aws;

import despatch.messages.SiteChange;
import despatch.publish.SiteChanges;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Site changes on the FIFO site queue, all in one message group: SiteFunction handles them one
 * batch at a time, so two updates of the listings never race. Each change is its own message
 * (a fresh deduplication id); a batch of them costs one update.
 */
public final class SqsSiteChanges implements SiteChanges {
    /** One group: updates run one after another. */
    public static final String GROUP = "site";

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsSiteChanges(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void changed(String slug) {
        send(SiteChange.changed(slug));
    }

    /** Asks for the whole site to be rebuilt from the records. */
    public void rebuild() {
        rebuild(false);
    }

    /** @param rerender every published article's page made again from its upload with the current templates */
    public void rebuild(boolean rerender) {
        send(rerender ? SiteChange.RERENDER : SiteChange.REBUILD);
    }

    /** The next part of a re-rendering rebuild, which carries on after the article {@code slug}. */
    public void rerenderAfter(String slug) {
        send(SiteChange.rerenderAfter(slug));
    }

    private void send(SiteChange change) {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(SiteChange.CODEC.write(change)).messageGroupId(GROUP)
                .messageDeduplicationId(UUID.randomUUID().toString()));
    }
}
