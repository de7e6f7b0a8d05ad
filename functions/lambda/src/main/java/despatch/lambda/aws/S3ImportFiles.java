package despatch.lambda.aws;

import despatch.subscription.imports.ImportFiles;
import despatch.subscription.imports.UnreadableFileException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Import files under imports/ in the uploads bucket; each report is written beside its file as {@code <key>.report.txt}. */
public final class S3ImportFiles implements ImportFiles {
    /** About 500,000 rows: more than any constituency office's list, and well inside the function's memory. */
    private static final long LIMIT = 64L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;

    public S3ImportFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public byte[] read(String key) {
        Long size = s3.headObject(head -> head.bucket(bucket).key(key)).contentLength();
        if (size != null && size > LIMIT) {
            throw new UnreadableFileException("the file is " + size / (1024 * 1024) + " MB; split it into files under "
                    + LIMIT / (1024 * 1024) + " MB (about 500,000 rows) and upload each.");
        }
        return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
    }

    @Override
    public void writeReport(String key, String report) {
        s3.putObject(put -> put.bucket(bucket).key(reportKey(key)).contentType(S3Content.TEXT),
                RequestBody.fromString(report, StandardCharsets.UTF_8));
    }

    public static String reportKey(String key) {
        return key + ".report.txt";
    }
}
