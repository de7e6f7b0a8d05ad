package despatch.publish;

import despatch.article.Problem;
import despatch.render.RenderedArticle;
import java.util.List;

/**
 * A preview: the rendered article and its warnings, or the problems that would reject it.
 * Exactly one of {@code rendered} and a non-empty {@code problems} is present.
 */
public record Preview(String slug, RenderedArticle rendered, List<String> warnings, List<Problem> problems) {
    public Preview {
        warnings = List.copyOf(warnings);
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return rendered != null;
    }
}
