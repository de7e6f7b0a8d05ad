package despatch.article;

import java.util.List;
import java.util.Map;

/**
 * An article with the warnings a press officer should see: things we guessed or would change.
 *
 * @param unpublish the upload asks for the article to be taken off the site (front matter {@code unpublish: yes})
 * @param slugChosen the address was set with {@code slug:}, not derived from the title
 * @param images the upload's own images, which the article's HTML points at by their placeholders
 * @param inDocument the pictures inside a Word document, by part name; empty for other uploads
 */
public record ParsedArticle(Article article, List<String> warnings, boolean unpublish, boolean slugChosen, List<ImageRef> images,
                            Map<String, byte[]> inDocument) {
    public ParsedArticle {
        warnings = List.copyOf(warnings);
        images = List.copyOf(images);
        inDocument = Map.copyOf(inDocument);
    }

    public ParsedArticle(Article article, List<String> warnings) {
        this(article, warnings, false, false, List.of(), Map.of());
    }

    /** The same upload, its article as given (at another address, or with its images in place). */
    public ParsedArticle with(Article changed) {
        return new ParsedArticle(changed, warnings, unpublish, slugChosen, images, inDocument);
    }

    /** The same, with the Word document's pictures. */
    ParsedArticle withPictures(Map<String, byte[]> pictures) {
        return new ParsedArticle(article, warnings, unpublish, slugChosen, images, pictures);
    }
}
