package despatch.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The images an upload brings with it, in the order the article shows them, as the parser finds
 * them: a hero image named in the front matter and pictures in the body or the notes.
 */
final class ImageRefs {
    /** The scheme {@link DocxMarkdown} gives a picture stored inside the Word document. */
    static final String IN_DOCUMENT_SCHEME = "despatch-docx:";
    /** A file name beside the upload: letters, digits, dots, dashes, underscores and spaces; no folders. */
    private static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._()\\-]{0,200}\\.[A-Za-z0-9]{2,5}");
    static final int MAX_IMAGES = 30;

    private final boolean fromDocument;
    private final boolean takingDown;
    private final String besideFolder;
    private final List<ImageRef> refs = new ArrayList<>();

    /**
     * @param fileName the upload's name, which names the folder of images beside it
     * @param takingDown the upload unpublishes its article: its images are neither checked nor collected
     */
    ImageRefs(boolean fromDocument, String fileName, boolean takingDown) {
        this.fromDocument = fromDocument;
        this.takingDown = takingDown;
        this.besideFolder = ImageRef.besideFolder(fileName);
    }

    boolean fromDocument() {
        return fromDocument;
    }

    boolean takingDown() {
        return takingDown;
    }

    /** Whether an image address is one of the upload's own images rather than a web address. */
    boolean isOwn(String address) {
        return address.startsWith(IN_DOCUMENT_SCHEME) || !address.contains(":") && !address.startsWith("//");
    }

    /**
     * @return the image as the article will refer to it until it is processed
     * @throws ArticleRejectedException when the address cannot be a file beside the upload
     */
    ImageRef add(String address, String alt, boolean decorative, String part) throws ArticleRejectedException {
        ImageRef.Origin origin;
        String source;
        if (address.startsWith(IN_DOCUMENT_SCHEME) && fromDocument) {
            origin = ImageRef.Origin.IN_DOCUMENT;
            source = address.substring(IN_DOCUMENT_SCHEME.length());
        } else if (FILE_NAME.matcher(address).matches() && !address.contains("..")) {
            origin = ImageRef.Origin.BESIDE_UPLOAD;
            source = address;
        } else {
            throw new ArticleRejectedException(new Problem(part, "The image '" + Text.shorten(address, 80) + "' is neither a web address"
                    + " nor a file name. Upload the image into the folder " + besideFolder + " beside the article and name it by its file name alone, e.g. "
                    + "![what it shows](photo.jpg), or give its full https:// address."));
        }
        if (refs.size() == MAX_IMAGES) {
            throw new ArticleRejectedException(new Problem(part, "The article shows more than " + MAX_IMAGES + " images. Keep the "
                    + "ones that tell the story, or link to a gallery."));
        }
        ImageRef ref = new ImageRef(refs.size() + 1, origin, source, decorative ? "" : alt, decorative);
        refs.add(ref);
        return ref;
    }

    List<ImageRef> all() {
        return List.copyOf(refs);
    }

    static boolean isDecorativeTitle(String title) {
        return title != null && title.strip().toLowerCase(Locale.ROOT).equals("decorative");
    }
}
