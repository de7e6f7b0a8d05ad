package despatch.console;

import despatch.article.ArticleRejectedException;
import despatch.publish.InMemoryUploadStore;
import despatch.publish.UploadStore;
import despatch.publish.Uploader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The uploads bucket in a map, as the console's drafts and the previews that read them see it. */
public final class InMemoryDrafts implements DraftStore, UploadStore {
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
    public void recordRejection(String key, String reportJson) {
        throw new AssertionError("a preview records nothing");
    }

    @Override
    public void clearRejection(String key) {
        throw new AssertionError("a preview records nothing");
    }
}
