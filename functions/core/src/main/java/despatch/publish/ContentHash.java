package despatch.publish;

import despatch.article.Article;
import despatch.common.Hashes;

/**
 * A fingerprint of everything an article says (title, text, dates, lists, images, notes): the same
 * upload sent twice (a press officer checking, a duplicate S3 event, a retry) has the same one, so
 * it is not shown as a correction.
 */
final class ContentHash {
    private ContentHash() {
    }

    static String of(Article article) {
        // A record's toString lists every component in order: a change to any of them changes the hash.
        return Hashes.sha256(article.toString());
    }
}
