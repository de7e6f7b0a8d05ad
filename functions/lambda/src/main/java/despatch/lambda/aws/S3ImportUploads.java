package despatch.lambda.aws;

import despatch.console.ImportUploads;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The console's subscriber CSVs under imports/ in the uploads bucket, and their reports beside them ({@link S3ImportFiles}). */
public final class S3ImportUploads implements ImportUploads {
    private final S3Client s3;
    private final String bucket;

    public S3ImportUploads(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] csv) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType("text/csv; charset=utf-8"), RequestBody.fromBytes(csv));
    }

    @Override
    public Optional<String> report(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(get -> get.bucket(bucket).key(S3ImportFiles.reportKey(key))).asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
