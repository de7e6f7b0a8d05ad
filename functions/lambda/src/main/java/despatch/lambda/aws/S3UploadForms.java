package despatch.lambda.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import despatch.console.UploadForm;
import despatch.console.UploadForms;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Upload forms for the uploads bucket: S3's browser-based upload, signed with Signature Version 4
 * by the function's own credentials. The SDK for Java 2.x has no presigned POST, so the policy is
 * written and signed here, as S3's documentation gives it ("Browser-based uploads using POST"):
 * the policy is Base64 JSON, and its signature is HMAC-SHA256 under the same derived key as any
 * SigV4 request. The policy names every field the form carries, so S3 refuses a form that adds,
 * drops or changes one, aims at another key or bucket, is too large, or comes after it expired.
 */
public final class S3UploadForms implements UploadForms {
    /** Long enough to choose a file; short, as the form is as good as the function's write access to its prefix while it lasts. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** The metadata (x-amz-meta-uploaded-by) that marks whose form sent a file. */
    public static final String UPLOADED_BY = "uploaded-by";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** As S3's documentation writes a policy's expiration (2013-08-01T12:00:00.000Z): milliseconds, never the micro- or nanoseconds a clock may give. */
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    public S3UploadForms(S3Client s3, String bucket, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
    }

    @Override
    public UploadForm issue(String keyPrefix, String uploadedBy, URI afterUpload) {
        AwsCredentialsIdentity credentials = s3.serviceClientConfiguration().credentialsProvider().resolveIdentity().join();
        String region = s3.serviceClientConfiguration().region().id();
        Instant now = clock.instant();
        String scope = DAY.format(now) + "/" + region + "/s3/aws4_request";

        List<UploadForm.Field> fields = new ArrayList<>();
        fields.add(new UploadForm.Field("key", keyPrefix + "${filename}"));
        fields.add(new UploadForm.Field("success_action_redirect", afterUpload.toString()));
        fields.add(new UploadForm.Field("x-amz-meta-" + UPLOADED_BY, uploadedBy));
        fields.add(new UploadForm.Field("x-amz-algorithm", ALGORITHM));
        fields.add(new UploadForm.Field("x-amz-credential", credentials.accessKeyId() + "/" + scope));
        fields.add(new UploadForm.Field("x-amz-date", MOMENT.format(now)));
        if (credentials instanceof AwsSessionCredentialsIdentity session) {
            fields.add(new UploadForm.Field("x-amz-security-token", session.sessionToken()));
        }

        ObjectNode policy = JSON.createObjectNode();
        policy.put("expiration", EXPIRATION.format(now.plus(LIFETIME)));
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", bucket);
        conditions.addArray().add("starts-with").add("$key").add(keyPrefix);
        conditions.addArray().add("content-length-range").add(0).add(BUCKET_LIMIT_BYTES);
        fields.stream().filter(field -> !field.name().equals("key")).forEach(field -> conditions.addObject().put(field.name(), field.value()));
        String encodedPolicy = Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));
        fields.add(new UploadForm.Field("policy", encodedPolicy));
        fields.add(new UploadForm.Field("x-amz-signature",
                HexFormat.of().formatHex(hmac(signingKey(credentials.secretAccessKey(), DAY.format(now), region), encodedPolicy))));
        return new UploadForm(bucketAddress(), fields, "file");
    }

    /** The bucket's own address, as the client addresses it (virtual-hosted in AWS, path-style at an emulator). */
    private URI bucketAddress() {
        String object = s3.utilities().getUrl(url -> url.bucket(bucket).key("k")).toString();
        return URI.create(object.substring(0, object.length() - "/k".length()) + (object.contains("/" + bucket + "/") ? "" : "/"));
    }

    private static byte[] signingKey(String secret, String day, String region) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, "s3");
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
