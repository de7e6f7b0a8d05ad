package despatch.lambda.aws;

import despatch.publish.ImageFile;
import despatch.publish.SitePublisher;
import despatch.site.SiteBucket;
import despatch.site.SiteObject;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** The public site as objects in the site bucket, served by CloudFront from it. */
public final class S3SitePublisher implements SitePublisher, SiteBucket {
    /**
     * Browsers keep a page five minutes, so a correction reaches readers within minutes; CloudFront
     * keeps it a day, as each site update invalidates exactly the paths it changed.
     */
    static final String CACHE_CONTROL = "public, max-age=300, s-maxage=86400";
    /** An image's key names its content: it never changes, so anyone may keep it a year. */
    static final String IMAGE_CACHE_CONTROL = "public, max-age=31536000, immutable";
    /** Object metadata (x-amz-meta-despatch-moved-to): the path a moved article's old page redirects to. */
    public static final String MOVED_TO = "despatch-moved-to";
    /** DeleteObjects takes at most this many keys a request. */
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;

    public S3SitePublisher(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void putPage(String path, String html) {
        put(SiteObject.of(path, html, SiteObject.HTML));
    }

    @Override
    public void putMoved(String path, String location) {
        put(SiteObject.movedTo(path, location));
    }

    @Override
    public void deletePage(String path) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(path));
    }

    @Override
    public void putImage(ImageFile image) {
        s3.putObject(put -> put.bucket(bucket).key(image.key()).contentType(image.contentType()).cacheControl(IMAGE_CACHE_CONTROL),
                RequestBody.fromBytes(image.bytes()));
    }

    @Override
    public Set<String> keysUnder(String folder) {
        Set<String> keys = new HashSet<>();
        s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(folder)).contents().forEach(object -> keys.add(object.key()));
        return keys;
    }

    @Override
    public void deleteUnder(String folder) {
        Set<String> keys = keysUnder(folder);
        if (!keys.isEmpty()) {
            delete(keys);
        }
    }

    /**
     * One ListObjectsV2 per 1,000 objects. A single-part PUT's ETag is the MD5 of its bytes (SSE-S3
     * keeps that true). An object listed without one (S3Proxy lists a PUT still in flight that way)
     * gets an empty fingerprint, which matches nothing, so the rebuild writes it again.
     */
    @Override
    public Map<String, String> fingerprints() {
        Map<String, String> fingerprints = new HashMap<>();
        s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents()
                .forEach(object -> fingerprints.put(object.key(), object.eTag() == null ? "" : object.eTag().replace("\"", "")));
        return fingerprints;
    }

    /**
     * A moved article's old page carries where it went as metadata: CloudFront's viewer-response
     * function turns that into a 301 (and {@code ./despatch serve} does the same).
     */
    @Override
    public void put(SiteObject object) {
        s3.putObject(put -> {
            put.bucket(bucket).key(object.key()).contentType(object.contentType()).cacheControl(CACHE_CONTROL);
            if (object.movedTo() != null) {
                put.metadata(java.util.Map.of(MOVED_TO, object.movedTo()));
            }
        }, RequestBody.fromBytes(object.body()));
    }

    @Override
    public void delete(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = all.subList(from, Math.min(from + DELETE_BATCH, all.size())).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            s3.deleteObjects(delete -> delete.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
    }
}
