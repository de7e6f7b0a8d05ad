package despatch.article;

import java.util.List;

/**
 * An article with the warnings a press officer should see: things we guessed or would change.
 *
 * @param unpublish the upload asks for the article to be taken off the site (front matter {@code unpublish: yes})
 */
public record ParsedArticle(Article article, List<String> warnings, boolean unpublish) {
    public ParsedArticle {
        warnings = List.copyOf(warnings);
    }

    public ParsedArticle(Article article, List<String> warnings) {
        this(article, warnings, false);
    }
}
