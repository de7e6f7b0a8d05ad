package despatch.publish;

import despatch.article.ArticleRejectedException;
import despatch.article.Problem;
import despatch.render.RenderedArticle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Warnings that only the rendered output can give; publishing and preview both add them. */
final class RenderedChecks {
    /** Gmail shows "[Message clipped]" and hides the rest, unsubscribe link included, above this. */
    static final int GMAIL_CLIP_BYTES = 102 * 1024;

    private RenderedChecks() {
    }

    /**
     * Room for each recipient's unsubscribe link, which replaces a placeholder after rendering
     * (a real one is about 150 bytes; 512 is ample).
     */
    static final int LINK_HEADROOM_BYTES = 512;

    /** Far past clipping, the email is unusable, and a preview of it would not fit a Lambda response (6 MB). */
    static final int MAX_EMAIL_BYTES = 1024 * 1024;

    static List<String> withRenderedWarnings(List<String> warnings, RenderedArticle rendered) throws ArticleRejectedException {
        List<String> all = new ArrayList<>(warnings);
        int bytes = rendered.emailHtml().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EMAIL_BYTES) {
            throw new ArticleRejectedException(new Problem("body", "The email would be " + bytes / 1024
                    + " KB; Gmail clips at 102 KB and the most Despatch sends is " + MAX_EMAIL_BYTES / 1024
                    + " KB. Shorten the article or link to documents instead of pasting them."));
        }
        int links = rendered.emailHtml().split(java.util.regex.Pattern.quote(despatch.common.Personalisation.UNSUBSCRIBE_URL), -1).length - 1;
        if (bytes + links * LINK_HEADROOM_BYTES > GMAIL_CLIP_BYTES) {
            all.add("The email is " + bytes / 1024 + " KB; Gmail clips emails over 102 KB and hides the rest, "
                    + "including the unsubscribe link. Shorten the article or move long tables to the web page.");
        }
        return all;
    }
}
