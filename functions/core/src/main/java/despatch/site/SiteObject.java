package despatch.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of the public site, ready to write: its key in the site bucket, its bytes and its type. */
public record SiteObject(String key, byte[] body, String contentType) {
    public static final String HTML = "text/html; charset=utf-8";
    public static final String RSS = "application/rss+xml; charset=utf-8";
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    public static final String XML = "application/xml; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    public static SiteObject of(String key, String text, String contentType) {
        return new SiteObject(key, text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /**
     * The MD5 of the bytes in hex: what S3 reports as the ETag of an object written in one PUT
     * without KMS, so the site can tell which files would change without reading them back.
     */
    public String fingerprint() {
        return fingerprintOf(body);
    }

    public static String fingerprintOf(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has MD5", e);
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
