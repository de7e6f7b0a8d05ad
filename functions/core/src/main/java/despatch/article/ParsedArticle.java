package despatch.article;

import java.util.List;

/** An article with the warnings a press officer should see: things we guessed or would change. */
public record ParsedArticle(Article article, List<String> warnings) {
    public ParsedArticle {
        warnings = List.copyOf(warnings);
    }
}
