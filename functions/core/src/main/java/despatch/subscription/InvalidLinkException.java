package despatch.subscription;

/** A link that cannot lead to any change: tampered, expired, or outlived. */
public class InvalidLinkException extends Exception {
    private final LinkProblem problem;

    public InvalidLinkException(LinkProblem problem) {
        super(problem.title());
        this.problem = problem;
    }

    public LinkProblem problem() {
        return problem;
    }
}
