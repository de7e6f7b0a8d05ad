package despatch.subscription;

/** Why a link from an email cannot be used, in the words the page shows. */
public enum LinkProblem {
    INVALID(400, "This link is not valid",
            "The link may have been cut short or changed. Copy the whole link from the email, or use the newest email we sent."),
    EXPIRED(410, "This link has expired",
            "Confirmation links work for 7 days. Sign up again and we will send you a new one."),
    GONE(410, "This link no longer works",
            "It belongs to a request that has been replaced, or to data that has been erased. Sign up again if you want to hear from us.");

    private final int status;
    private final String title;
    private final String advice;

    LinkProblem(int status, String title, String advice) {
        this.status = status;
        this.title = title;
        this.advice = advice;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String advice() {
        return advice;
    }
}
