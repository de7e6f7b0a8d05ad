package despatch.publish;

import java.util.ArrayList;
import java.util.List;

/** The upload log in a list. */
public final class InMemoryUploadLog implements UploadLog {
    private final List<LoggedUpload> uploads = new ArrayList<>();

    @Override
    public synchronized void record(LoggedUpload upload) {
        uploads.add(upload);
    }

    @Override
    public synchronized List<LoggedUpload> latest(int limit) {
        return uploads.reversed().stream().limit(limit).toList();
    }
}
