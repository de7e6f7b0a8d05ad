package despatch.local.serve;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The site bucket as S3 static website hosting serves it (template.yaml's WebsiteConfiguration):
 * {@code /} and {@code /a/b/} get the folder's index.html, {@code /a/b} is redirected to
 * {@code /a/b/} when that folder has one, and a missing page gets the bucket's 404.html.
 */
final class BucketWebsite {
    static final String INDEX_DOCUMENT = "index.html";
    static final String ERROR_DOCUMENT = "404.html";

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

    record Page(int status, String contentType, String cacheControl, byte[] body) implements Answer {
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
        if (key.contains("\\") || key.contains("\0") || java.util.Arrays.asList(key.split("/", -1)).stream()
                .anyMatch(segment -> segment.equals("..") || segment.equals("."))) {
            return new NotFound();
        }
        boolean folder = key.isEmpty() || key.endsWith("/");
        Optional<Page> page = object(folder ? key + INDEX_DOCUMENT : key, 200);
        if (page.isPresent()) {
            return page.get();
        }
        if (!folder && object(key + "/" + INDEX_DOCUMENT, 200).isPresent()) {
            return new Redirect(rawPath + "/");
        }
        return object(ERROR_DOCUMENT, 404).<Answer>map(p -> p).orElseGet(NotFound::new);
    }

    private Optional<Page> object(String key, int status) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key));
            GetObjectResponse response = object.response();
            return Optional.of(new Page(status, contentType(key, response.contentType()), response.cacheControl(), object.asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
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
