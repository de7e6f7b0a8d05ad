package despatch.article;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem in an upload so that one round trip fixes them all. */
final class Problems {
    private final List<Problem> found = new ArrayList<>();

    void add(String where, String message) {
        found.add(new Problem(where, message));
    }

    void addAll(List<Problem> problems) {
        found.addAll(problems);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() throws ArticleRejectedException {
        if (!found.isEmpty()) {
            throw new ArticleRejectedException(found);
        }
    }
}
