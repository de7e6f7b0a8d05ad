package despatch.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * S3 ObjectCreated events of the same shape as events/s3-put-article.json or, for subscriber
 * imports, events/s3-put-import.json (the files that sam local invoke uses), read into
 * {@link S3Event} by the Lambda runtime's own serialiser.
 */
public final class S3EventFactory {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String sample;

    /** Events like the one PublishFunction gets for an upload under articles/. */
    public S3EventFactory(Path projectRoot) {
        this(projectRoot, "events/s3-put-article.json");
    }

    /** Events like the one ImportFunction gets for an upload under imports/. */
    public static S3EventFactory forImports(Path projectRoot) {
        return new S3EventFactory(projectRoot, "events/s3-put-import.json");
    }

    private S3EventFactory(Path projectRoot, String sampleFile) {
        try {
            this.sample = Files.readString(projectRoot.resolve(sampleFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public S3Event objectCreated(String bucket, String key, long size) {
        try {
            ObjectNode json = (ObjectNode) MAPPER.readTree(sample);
            ObjectNode record = (ObjectNode) json.get("Records").get(0);
            record.put("eventTime", Instant.now().toString());
            ObjectNode s3 = (ObjectNode) record.get("s3");
            ((ObjectNode) s3.get("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
            // S3 sends keys form-encoded: a space arrives as '+'.
            ((ObjectNode) s3.get("object")).put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                    .put("size", size);
            return read(MAPPER.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads event JSON the way the Lambda Java runtime does. */
    public static S3Event read(byte[] json) {
        return LambdaEventSerializers.serializerFor(S3Event.class, S3EventFactory.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json));
    }
}
