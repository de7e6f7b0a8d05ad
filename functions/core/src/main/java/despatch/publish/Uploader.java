package despatch.publish;

/**
 * Who put an upload under articles/: the member of staff who published it from the console (the
 * identity provider's subject, their name, and their address for telling them what became of it),
 * or nobody known when it came another way (the S3 console, a script).
 */
public record Uploader(String subject, String name, String email) {
    public static final Uploader UNKNOWN = new Uploader("", "", "");

    public Uploader {
        subject = subject == null ? "" : subject;
        name = name == null ? "" : name;
        email = email == null ? "" : email;
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
