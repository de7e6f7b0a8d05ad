package despatch.article;

import java.util.List;

/** The upload cannot become an article; every problem found is listed, not just the first. */
public final class ArticleRejectedException extends Exception {
    private final transient List<Problem> problems;

    public ArticleRejectedException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public ArticleRejectedException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        return problems.size() == 1 ? problems.getFirst().toString() : problems.size() + " problems: " + problems;
    }
}
