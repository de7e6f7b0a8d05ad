package despatch.lambda.aws;

/** Content types we write, always with the charset: browsers and mail tools guess wrong without it. */
final class S3Content {
    static final String HTML = "text/html; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    private S3Content() {
    }
}
