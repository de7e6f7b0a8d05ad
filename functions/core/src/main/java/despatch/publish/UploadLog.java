package despatch.publish;

import java.util.List;

/** The latest uploads and what became of each, for the console's dashboard. Kept a while, not for ever. */
public interface UploadLog {

    void record(LoggedUpload upload);

    /** Newest first. */
    List<LoggedUpload> latest(int limit);
}
