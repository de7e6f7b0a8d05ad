package despatch.publish;

import despatch.common.Hashes;
import despatch.article.ArticleParser;
import despatch.article.ArticleRejectedException;
import despatch.article.ParsedArticle;
import despatch.article.Problem;
import despatch.article.UploadText;
import despatch.render.ArticleRenderer;
import despatch.render.RenderedArticle;
import java.util.List;

/** Renders exactly what publishing would, and writes nothing anywhere. */
public final class PreviewService {
    private final ArticleParser parser;
    private final ArticleRenderer renderer;
    private final UploadStore uploads;
    private final ArticleImages images;

    /**
     * @param uploads where uploads (and the images beside them) are read; may be null where previews
     *     are of inline content only
     */
    public PreviewService(ArticleParser parser, ArticleRenderer renderer, UploadStore uploads) {
        this.parser = parser;
        this.renderer = renderer;
        this.uploads = uploads;
        this.images = new ArticleImages(uploads, parser.office().siteBaseUrl());
    }

    /** Previews pasted content: a Word document's own pictures are shown; files beside an upload are not there to find. */
    public Preview preview(String fileName, byte[] content) {
        return preview(null, fileName, content);
    }

    private Preview preview(String uploadKey, String fileName, byte[] content) {
        try {
            ArticleImages.Prepared prepared = images.forPreview(uploadKey, content, parser.parse(fileName, content));
            ParsedArticle parsed = prepared.parsed();
            RenderedArticle rendered = renderer.render(parsed.article());
            Preview preview = Preview.of(parsed.article(), rendered, RenderedChecks.withRenderedWarnings(parsed.warnings(), rendered));
            return uploadKey == null ? preview : preview.ofContent(prepared.uploadFingerprint());
        } catch (ArticleRejectedException e) {
            Preview refused = new Preview(null, null, List.of(), e.problems());
            return uploadKey == null ? refused : refused.ofContent(Hashes.sha256(content));
        }
    }

    /** Previews an upload already in the uploads bucket. */
    public Preview previewUpload(String key) {
        if (uploads == null) {
            throw new IllegalStateException("this preview service has no upload store");
        }
        try {
            byte[] content = uploads.read(key, UploadText.maxBytes(key));
            return preview(key, PublishService.fileName(key), content);
        } catch (ArticleRejectedException e) {
            return new Preview(null, null, List.of(), e.problems());
        } catch (UploadNotFoundException e) {
            return new Preview(null, null, List.of(), List.of(new Problem("key",
                    e.getMessage() + " in the uploads bucket. Check the key, including its folder and extension.")));
        }
    }
}
