package despatch.lambda.aws;

import despatch.deploy.StackNameCheck;
import despatch.deploy.StackNameCheck.Holder;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Who holds a bucket or queue name: HeadBucket (404 is free; 403 is another account's, as bucket
 * names are global; a 301 is another region's) or GetQueueUrl; then CloudFormation's own
 * {@value #STACK_ID_TAG} tag, which it puts on everything a stack makes, says whether it is this
 * stack's.
 */
public final class AwsExistingResources implements StackNameCheck.Existing {
    static final String STACK_ID_TAG = "aws:cloudformation:stack-id";

    private final S3Client s3;
    private final SqsClient sqs;

    public AwsExistingResources(S3Client s3, SqsClient sqs) {
        this.s3 = s3;
        this.sqs = sqs;
    }

    @Override
    public Holder bucket(String name, String stackId) {
        try {
            s3.headBucket(head -> head.bucket(name));
        } catch (NoSuchBucketException e) {
            return Holder.NOBODY;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Holder.NOBODY;
            }
            if (e.statusCode() == 403 || e.statusCode() == 301) {
                return Holder.SOMEONE_ELSE;
            }
            throw e;
        }
        try {
            boolean ours = s3.getBucketTagging(tagging -> tagging.bucket(name)).tagSet().stream()
                    .anyMatch(tag -> tag.key().equals(STACK_ID_TAG) && tag.value().equals(stackId));
            return ours ? Holder.THIS_STACK : Holder.SOMEONE_ELSE;
        } catch (S3Exception e) {
            // NoSuchTagSet (404): not made by a stack, so not this one's.
            if (e.statusCode() == 404) {
                return Holder.SOMEONE_ELSE;
            }
            throw e;
        }
    }

    @Override
    public Holder queue(String name, String stackId) {
        String url;
        try {
            url = sqs.getQueueUrl(get -> get.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            return Holder.NOBODY;
        }
        Map<String, String> tags = sqs.listQueueTags(list -> list.queueUrl(url)).tags();
        return stackId.equals(tags.get(STACK_ID_TAG)) ? Holder.THIS_STACK : Holder.SOMEONE_ELSE;
    }

    /** The tag as CloudFormation writes it (tests put it on the emulators' resources the same way). */
    public static Tag stackIdTag(String stackId) {
        return Tag.builder().key(STACK_ID_TAG).value(stackId).build();
    }
}
