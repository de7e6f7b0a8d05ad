package despatch.article;

import java.util.List;

/**
 * An article with the warnings a press officer should see: things we guessed or would change.
 *
 * @param unpublish the upload asks for the article to be taken off the site (front matter {@code unpublish: yes})
 * @param slugChosen the address was set with {@code slug:}, not derived from the title
 */
public record ParsedArticle(Article article, List<String> warnings, boolean unpublish, boolean slugChosen) {
    public ParsedArticle {
        warnings = List.copyOf(warnings);
    }

    public ParsedArticle(Article article, List<String> warnings) {
        this(article, warnings, false, false);
    }
}
