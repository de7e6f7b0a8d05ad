package despatch.image;

/** A reason for a press officer, one or two sentences saying what to fix; it never names the file (the caller adds that). */
public final class ImageRejectedException extends Exception {
    public ImageRejectedException(String reason) {
        super(reason);
    }
}
