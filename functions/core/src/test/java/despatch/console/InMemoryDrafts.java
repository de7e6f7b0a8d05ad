package despatch.console;

import despatch.article.ArticleRejectedException;
import despatch.publish.InMemoryUploadStore;
import despatch.publish.UploadStore;
import despatch.publish.Uploader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The uploads bucket in a map, as the console's drafts and the previews that read them see it, and
 * the upload forms that send files to it: {@link #post} takes a form as the bucket would, only
 * under the prefix it was issued for.
 */
public final class InMemoryDrafts implements DraftStore, UploadStore, UploadForms {
    private final InMemoryUploadStore bucket = new InMemoryUploadStore();
    public final Map<String, byte[]> objects = bucket.objects;
    /** Each submission: the article key, and who submitted it. */
    public final List<String> submitted = new ArrayList<>();
    private final Map<String, Uploader> uploaders = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> authors = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void save(String key, byte[] content, Uploader author) {
        objects.put(key, content.clone());
        authors.put(key, author.subject());
    }

    private final Map<String, String> issuedForms = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> incomingBy = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public UploadForm issue(String keyPrefix, String uploadedBy, URI afterUpload) {
        issuedForms.put(keyPrefix, uploadedBy);
        return new UploadForm(URI.create("https://uploads.example/"), List.of(new UploadForm.Field("key", keyPrefix + "${filename}"),
                new UploadForm.Field("success_action_redirect", afterUpload.toString()),
                new UploadForm.Field("x-amz-meta-uploaded-by", uploadedBy)), "file");
    }

    /**
     * What the bucket does with a form's post: keeps the file at the form's key (with the file's name)
     * if the form was issued for that prefix and mark, and answers with where the browser goes next.
     */
    public Optional<String> post(Map<String, String> fields, String fileName, byte[] content) {
        String key = fields.get("key").replace("${filename}", fileName);
        String mark = fields.get("x-amz-meta-uploaded-by");
        boolean issued = issuedForms.entrySet().stream().anyMatch(form -> key.startsWith(form.getKey()) && form.getValue().equals(mark));
        if (!issued) {
            return Optional.empty();
        }
        objects.put(key, content.clone());
        incomingBy.put(key, mark);
        return Optional.of(fields.get("success_action_redirect") + "?bucket=uploads&key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<IncomingFile> incoming(String key, int maxBytes) {
        byte[] content = objects.get(key);
        if (content == null || !incomingBy.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(new IncomingFile(incomingBy.get(key), content.length, content.length > maxBytes ? null : content.clone()));
    }

    @Override
    public void discard(String key) {
        objects.remove(key);
        incomingBy.remove(key);
    }

    @Override
    public boolean anyUnder(String prefix) {
        return objects.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    @Override
    public synchronized void submit(String draftKey, String articleKey, Uploader submittedBy) {
        objects.put(articleKey, objects.get(draftKey).clone());
        uploaders.put(articleKey, new Uploader(submittedBy.subject(), submittedBy.name(), submittedBy.email(),
                authors.getOrDefault(draftKey, submittedBy.subject())));
        submitted.add(articleKey + " by " + submittedBy.subject());
    }

    @Override
    public Uploader uploader(String key) {
        return uploaders.getOrDefault(key, Uploader.UNKNOWN);
    }

    @Override
    public byte[] read(String key, int maxBytes) throws ArticleRejectedException {
        return bucket.read(key, maxBytes);
    }

    @Override
    public java.util.Optional<java.time.Instant> lastModified(String key) {
        return bucket.lastModified(key);
    }

    @Override
    public void recordRejection(String key, String reportJson) {
        throw new AssertionError("a preview records nothing");
    }

    @Override
    public void clearRejection(String key) {
        throw new AssertionError("a preview records nothing");
    }
}
