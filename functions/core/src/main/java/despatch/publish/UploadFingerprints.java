package despatch.publish;

import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.article.UploadText;
import despatch.common.Hashes;
import java.util.Optional;

/**
 * An upload's fingerprint as it stands in the bucket now: what an approver's decision is checked
 * against, so that neither the article nor an image beside it can change between their review and
 * the send ({@link ArticleImages#fingerprintNow}).
 */
public final class UploadFingerprints {
    private final ArticleParser parser;
    private final UploadStore uploads;
    private final ArticleImages images;

    public UploadFingerprints(ArticleParser parser, UploadStore uploads) {
        this.parser = parser;
        this.uploads = uploads;
        this.images = new ArticleImages(uploads, parser.office().siteBaseUrl());
    }

    /** Empty when the upload has gone. */
    public Optional<String> of(String uploadKey) {
        byte[] content;
        try {
            content = uploads.read(uploadKey, UploadText.maxBytes(uploadKey));
        } catch (ArticleRejectedException | UploadNotFoundException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(images.fingerprintNow(uploadKey, content, parser.parse(PublishService.fileName(uploadKey), content)));
        } catch (ArticleRejectedException e) {
            return Optional.of(Hashes.sha256(content));
        }
    }
}
