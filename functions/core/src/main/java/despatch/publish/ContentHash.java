package despatch.publish;

import despatch.article.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of everything an article says (title, text, dates, lists, images, notes): the same
 * upload sent twice (a press officer checking, a duplicate S3 event, a retry) has the same one, so
 * it is not shown as a correction.
 */
final class ContentHash {
    private ContentHash() {
    }

    static String of(Article article) {
        try {
            // A record's toString lists every component in order: a change to any of them changes the hash.
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(article.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
