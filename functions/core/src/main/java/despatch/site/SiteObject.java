package despatch.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of the public site, ready to write: its key in the site bucket, its bytes and its type.
 *
 * @param movedTo for a moved article's old page, the path it redirects to permanently (the bytes
 *     are a small page linking there, for anything that does not follow the redirect); else null
 */
public record SiteObject(String key, byte[] body, String contentType, String movedTo) {
    public static final String HTML = "text/html; charset=utf-8";
    public static final String RSS = "application/rss+xml; charset=utf-8";
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    public static final String XML = "application/xml; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    public SiteObject(String key, byte[] body, String contentType) {
        this(key, body, contentType, null);
    }

    public static SiteObject of(String key, String text, String contentType) {
        return new SiteObject(key, text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A moved article's old page: a permanent redirect to {@code location}, a path on the site. */
    public static SiteObject movedTo(String key, String location) {
        String escaped = location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        String html = "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Moved</title><link rel=\"canonical\" href=\""
                + escaped + "\"><meta http-equiv=\"refresh\" content=\"0; url=" + escaped + "\"><p>This article has moved to <a href=\""
                + escaped + "\">" + escaped + "</a>.</p></html>\n";
        return new SiteObject(key, html.getBytes(StandardCharsets.UTF_8), HTML, location);
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
