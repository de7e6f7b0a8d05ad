package despatch.lambda.aws;

import despatch.console.ApprovedUploads;
import despatch.console.DraftStore;
import despatch.console.IncomingFile;
import despatch.publish.Uploader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Drafts in the uploads bucket under {@code drafts/}, which triggers nothing. Submitting copies a
 * draft under {@code articles/} inside S3, so the upload event that follows is the same one an S3
 * console upload makes; the copy names who submitted it in its metadata. An approved upload is
 * copied onto itself, for the same event again.
 */
public final class S3DraftStore implements DraftStore, ApprovedUploads {
    /** Object metadata (x-amz-meta-submitted-by): the submitter's subject at the identity provider. */
    public static final String SUBMITTED_BY = "submitted-by";
    /** Their name, URL-encoded (metadata travels as HTTP headers). */
    public static final String SUBMITTED_BY_NAME = "submitted-by-name";
    /** Their address, URL-encoded, for telling them what became of the upload. */
    public static final String SUBMITTED_BY_EMAIL = "submitted-by-email";
    /** Whoever uploaded the draft (their subject), kept on the published copy for the two-person rule. */
    public static final String DRAFTED_BY = "drafted-by";
    /** Who approved the version copied onto itself. */
    public static final String APPROVED_BY = "approved-by";

    private final S3Client s3;
    private final String bucket;

    public S3DraftStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void save(String key, byte[] content, Uploader author) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType(key)).metadata(Map.of(DRAFTED_BY, author.subject())),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<IncomingFile> incoming(String key, int maxBytes) {
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key(key));
            String uploadedBy = head.metadata().getOrDefault(S3UploadForms.UPLOADED_BY, "");
            if (head.contentLength() > maxBytes) {
                return Optional.of(new IncomingFile(uploadedBy, head.contentLength(), null));
            }
            // Only the version just looked at: one replaced in between is read as not there.
            byte[] content = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key).ifMatch(head.eTag())).asByteArray();
            return Optional.of(new IncomingFile(uploadedBy, content.length, content));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 412) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void discard(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public boolean anyUnder(String prefix) {
        return s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix).maxKeys(1)).keyCount() > 0;
    }

    @Override
    public void submit(String draftKey, String articleKey, Uploader submittedBy) {
        String author = s3.headObject(head -> head.bucket(bucket).key(draftKey)).metadata().getOrDefault(DRAFTED_BY, submittedBy.subject());
        s3.copyObject(copy -> copy.sourceBucket(bucket).sourceKey(draftKey).destinationBucket(bucket).destinationKey(articleKey)
                .metadataDirective(MetadataDirective.REPLACE).contentType(contentType(articleKey))
                .metadata(Map.of(SUBMITTED_BY, submittedBy.subject(), SUBMITTED_BY_NAME, encode(submittedBy.name()),
                        SUBMITTED_BY_EMAIL, encode(submittedBy.email()), DRAFTED_BY, author)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Copies the upload onto itself, keeping who submitted it and adding who approved it: S3 then
     * sends the upload event again, and publishing finds the approval of these exact bytes.
     */
    @Override
    public void publishAgain(String uploadKey, String approvedBy) {
        var head = s3.headObject(request -> request.bucket(bucket).key(uploadKey));
        Map<String, String> metadata = new HashMap<>(head.metadata());
        metadata.put(APPROVED_BY, approvedBy);
        // Only the object just read: a file replaced in between keeps its own metadata (and waits for its own approval).
        try {
            s3.copyObject(copy -> copy.sourceBucket(bucket).sourceKey(uploadKey).destinationBucket(bucket).destinationKey(uploadKey)
                    .copySourceIfMatch(head.eTag()).metadataDirective(MetadataDirective.REPLACE).contentType(contentType(uploadKey))
                    .metadata(metadata));
        } catch (S3Exception e) {
            if (e.statusCode() != 412) {
                throw e;
            }
            // Replaced since it was read: the new version's own upload event makes it wait for its own approval.
        }
    }

    private static String contentType(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                : lower.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/markdown; charset=utf-8";
    }
}
