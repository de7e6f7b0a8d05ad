package despatch.article;

/**
 * An image the article shows that comes with the upload, not from a web address: a file uploaded
 * beside the article (under {@code articles/<name>.images/}) or a picture inside a Word document.
 * Until it is processed, the article's HTML points at {@link #placeholder()}.
 *
 * @param source the file's name beside the upload ({@code photo.jpg}), or the part inside the Word
 *     document ({@code word/media/image1.jpeg})
 * @param alt what the picture shows, for people who cannot see it; empty only when decorative
 * @param decorative marked as decoration (Word's "Mark as decorative", or the Markdown title
 *     {@code "decorative"}): screen readers skip it
 */
public record ImageRef(int number, Origin origin, String source, String alt, boolean decorative) {
    /** A host that can never resolve (RFC 2606), so a placeholder left in a page by mistake fetches nothing. */
    static final String PLACEHOLDER_PREFIX = "https://despatch.invalid/image/";

    public enum Origin { BESIDE_UPLOAD, IN_DOCUMENT }

    /** The folder for files beside an upload: its key without the extension, then {@code .images/}. */
    public static String besideFolder(String uploadKey) {
        int slash = uploadKey.lastIndexOf('/');
        int dot = uploadKey.lastIndexOf('.');
        return (dot > slash ? uploadKey.substring(0, dot) : uploadKey) + ".images/";
    }

    public String placeholder() {
        return PLACEHOLDER_PREFIX + number;
    }

    /** How the press officer named it, for messages. */
    public String label() {
        return origin == Origin.IN_DOCUMENT ? "the document's picture " + source.substring(source.lastIndexOf('/') + 1) : "the image " + source;
    }
}
