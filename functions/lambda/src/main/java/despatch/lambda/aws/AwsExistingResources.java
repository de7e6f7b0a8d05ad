package despatch.lambda.aws;

import despatch.deploy.StackNameCheck;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Whether a bucket or queue of a name exists: HeadBucket (200 is ours; 403 is another account's,
 * as bucket names are global; 404 is free) and GetQueueUrl.
 */
public final class AwsExistingResources implements StackNameCheck.Existing {
    private final S3Client s3;
    private final SqsClient sqs;

    public AwsExistingResources(S3Client s3, SqsClient sqs) {
        this.s3 = s3;
        this.sqs = sqs;
    }

    @Override
    public boolean bucket(String name) {
        try {
            s3.headBucket(head -> head.bucket(name));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public boolean queue(String name) {
        try {
            sqs.getQueueUrl(get -> get.queueName(name));
            return true;
        } catch (QueueDoesNotExistException e) {
            return false;
        }
    }
}
