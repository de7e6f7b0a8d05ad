package despatch.publish;

import java.time.Instant;
import java.util.List;

/**
 * An upload that passed every check and waits for an approver: nothing of it is on the site or
 * sent. A newer version of the same file replaces it, and needs approving again.
 *
 * @param contentHash SHA-256 of the upload's bytes: an approval names exactly this
 * @param embargo     null when there is none
 */
public record AwaitingApproval(String uploadKey, String contentHash, String slug, String title, List<String> lists, Instant embargo,
        Uploader uploader, Instant since) {

    public AwaitingApproval {
        lists = List.copyOf(lists);
    }
}
