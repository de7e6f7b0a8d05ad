package despatch.publish;

import despatch.article.ArticleRejectedException;
import despatch.article.UploadText;
import java.util.Map;

/** Uploads in a map, for the core's unit tests. */
public final class InMemoryUploadStore implements UploadStore {
    public final Map<String, byte[]> objects = new java.util.concurrent.ConcurrentHashMap<>();
    /** When an object was written, where a test says; the others were written long ago. */
    public final Map<String, java.time.Instant> modified = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public java.util.Optional<java.time.Instant> lastModified(String key) {
        return objects.containsKey(key) ? java.util.Optional.of(modified.getOrDefault(key, java.time.Instant.EPOCH))
                : java.util.Optional.empty();
    }

    @Override
    public byte[] read(String key, int maxBytes) throws ArticleRejectedException {
        byte[] content = objects.get(key);
        if (content == null) {
            throw new UploadNotFoundException(key);
        }
        if (content.length > maxBytes) {
            throw UploadText.tooLarge(content.length);
        }
        return content.clone();
    }

    @Override
    public void recordRejection(String key, String reportJson) {
        objects.put(RejectionReport.keyFor(key), reportJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void clearRejection(String key) {
        objects.remove(RejectionReport.keyFor(key));
    }
}
