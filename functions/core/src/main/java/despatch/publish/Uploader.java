package despatch.publish;

/**
 * Who put an upload under articles/: the member of staff who published it from the console (the
 * identity provider's subject, their name, and their address for telling them what became of it)
 * and whoever uploaded the draft it came from, or nobody known when it came another way (the S3
 * console, a script).
 *
 * @param draftedBy the subject of whoever uploaded the draft; under two-person approval neither
 *                  they nor the person who published it may approve it
 */
public record Uploader(String subject, String name, String email, String draftedBy) {
    public static final Uploader UNKNOWN = new Uploader("", "", "", "");

    public Uploader {
        subject = subject == null ? "" : subject;
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        draftedBy = draftedBy == null || draftedBy.isEmpty() ? subject : draftedBy;
    }

    /** Someone who published their own draft. */
    public Uploader(String subject, String name, String email) {
        this(subject, name, email, subject);
    }

    /** Whether this member of staff had a hand in it: uploaded the draft or published it. */
    public boolean involves(String staffSubject) {
        return known() && (subject.equals(staffSubject) || draftedBy.equals(staffSubject));
    }

    /** Not the address: uploaders appear in log lines through their records. */
    @Override
    public String toString() {
        return "Uploader[" + subject + "]";
    }

    public boolean known() {
        return !subject.isEmpty();
    }

    /** For people reading the console. */
    public String describe() {
        return known() ? (name.isEmpty() ? "a member of staff" : name) : "someone outside the console (the S3 console or a script)";
    }
}
