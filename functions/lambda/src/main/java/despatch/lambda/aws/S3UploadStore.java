package despatch.lambda.aws;

import despatch.publish.Uploader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import despatch.article.ArticleRejectedException;
import despatch.article.UploadText;
import despatch.publish.RejectionReport;
import despatch.publish.UploadNotFoundException;
import despatch.publish.UploadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Uploads in S3; rejection reports are written beside the upload as {@code <key>.error.json}. */
public final class S3UploadStore implements UploadStore {
    private final S3Client s3;
    private final String bucket;

    public S3UploadStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public byte[] read(String key, int maxBytes) throws ArticleRejectedException {
        try (ResponseInputStream<GetObjectResponse> object = s3.getObject(get -> get.bucket(bucket).key(key))) {
            Long length = object.response().contentLength();
            if (length != null && length > maxBytes) {
                object.abort();
                throw UploadText.tooLarge(length);
            }
            byte[] content = object.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                throw UploadText.tooLarge(content.length);
            }
            return content;
        } catch (NoSuchKeyException e) {
            throw new UploadNotFoundException(key);
        } catch (IOException e) {
            throw new UncheckedIOException("reading upload " + key, e);
        }
    }

    @Override
    public java.util.Optional<java.time.Instant> lastModified(String key) {
        try {
            return java.util.Optional.ofNullable(s3.headObject(head -> head.bucket(bucket).key(key)).lastModified());
        } catch (NoSuchKeyException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void recordRejection(String key, String reportJson) {
        s3.putObject(put -> put.bucket(bucket).key(RejectionReport.keyFor(key)).contentType(S3Content.JSON),
                RequestBody.fromString(reportJson, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** From the metadata the console writes when it publishes a draft ({@link S3DraftStore}); unknown otherwise. */
    @Override
    public Uploader uploader(String key) {
        try {
            Map<String, String> metadata = s3.headObject(head -> head.bucket(bucket).key(key)).metadata();
            return new Uploader(metadata.getOrDefault(S3DraftStore.SUBMITTED_BY, ""),
                    URLDecoder.decode(metadata.getOrDefault(S3DraftStore.SUBMITTED_BY_NAME, ""), StandardCharsets.UTF_8),
                    URLDecoder.decode(metadata.getOrDefault(S3DraftStore.SUBMITTED_BY_EMAIL, ""), StandardCharsets.UTF_8),
                    metadata.getOrDefault(S3DraftStore.DRAFTED_BY, ""));
        } catch (NoSuchKeyException e) {
            return Uploader.UNKNOWN;
        }
    }

    @Override
    public void clearRejection(String key) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(RejectionReport.keyFor(key)));
    }
}
