package despatch.lambda.aws;

import despatch.publish.SitePublisher;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The public site as objects in the site bucket, served by S3 website hosting. */
public final class S3SitePublisher implements SitePublisher {
    /** Short, so a correction reaches readers within minutes. */
    private static final String CACHE_CONTROL = "public, max-age=300";

    private final S3Client s3;
    private final String bucket;

    public S3SitePublisher(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void putPage(String path, String html) {
        s3.putObject(put -> put.bucket(bucket).key(path).contentType(S3Content.HTML).cacheControl(CACHE_CONTROL),
                RequestBody.fromString(html, StandardCharsets.UTF_8));
    }
}
