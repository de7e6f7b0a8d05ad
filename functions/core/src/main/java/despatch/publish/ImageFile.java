package despatch.publish;

/** One processed image, ready to write to the site at {@code key}. */
public record ImageFile(String key, byte[] bytes, String contentType) {
}
