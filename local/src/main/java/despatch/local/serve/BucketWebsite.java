package despatch.local.serve;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import despatch.lambda.aws.S3SitePublisher;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The site bucket as the site's CloudFront distribution serves it:
 * {@code /} and {@code /a/b/} get the folder's index.html, {@code /a/b} is redirected to
 * {@code /a/b/} when that folder has one, a moved article's old page redirects permanently, and a
 * missing page gets the bucket's 404.html: what CloudFront and its functions make of the bucket.
 */
final class BucketWebsite {
    static final String INDEX_DOCUMENT = "index.html";
    static final String ERROR_DOCUMENT = "404.html";
    private static final int MAX_KEY_BYTES = 1024;

    /** For objects stored without a usable type; the publisher stores pages as text/html; charset=utf-8. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("rss", "application/rss+xml"), Map.entry("atom", "application/atom+xml"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"), Map.entry("woff2", "font/woff2"));

    private final S3Client s3;
    private final String bucket;

    BucketWebsite(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** What the website endpoint answers. */
    sealed interface Answer {
    }

    /** @param movedTo a moved article's old page: where it went, answered as CloudFront's function answers it, with a 301; else null */
    record Page(int status, String contentType, String cacheControl, byte[] body, String movedTo) implements Answer {
    }

    record Redirect(String location) implements Answer {
    }

    record NotFound() implements Answer {
    }

    /**
     * @param path the decoded request path
     * @param rawPath the path as sent, for the redirect's Location
     */
    Answer get(String path, String rawPath) {
        String key = path.startsWith("/") ? path.substring(1) : path;
        if (isSiteKey(key)) {
            boolean folder = key.isEmpty() || key.endsWith("/");
            Optional<Page> page = object(folder ? key + INDEX_DOCUMENT : key, 200);
            if (page.isPresent()) {
                return page.get();
            }
            if (!folder && object(key + "/" + INDEX_DOCUMENT, 200).isPresent()) {
                return new Redirect(rawPath + "/");
            }
        }
        return object(ERROR_DOCUMENT, 404).<Answer>map(p -> p).orElseGet(NotFound::new);
    }

    /**
     * Whether a key could name a page the publisher wrote: never one with an empty, "." or ".."
     * segment (/%2Fpress-releases asks for "/press-releases"), a control character or a backslash,
     * nor one longer than S3 allows. Anything else is simply not there: the site's 404, as S3 answers.
     */
    static boolean isSiteKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES || key.contains("\\")
                || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            if (segments[i].isEmpty() && !last || segments[i].equals(".") || segments[i].equals("..")) {
                return false;
            }
        }
        return true;
    }

    private Optional<Page> object(String key, int status) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key));
            GetObjectResponse response = object.response();
            return Optional.of(new Page(status, contentType(key, response.contentType()), response.cacheControl(), object.asByteArray(),
                    response.metadata().get(S3SitePublisher.MOVED_TO)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // A key the bucket refuses (400) or hides (403) is one it does not serve; only its own failures are errors.
            if (e.statusCode() >= 400 && e.statusCode() < 500) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static String contentType(String key, String stored) {
        if (stored != null && !stored.isBlank() && !stored.equals("application/octet-stream") && !stored.equals("binary/octet-stream")) {
            return stored;
        }
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 || dot < key.lastIndexOf('/') ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
