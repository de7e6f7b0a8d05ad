package despatch.lambda.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import despatch.publish.RenderedEmailStore;
import despatch.render.RenderedArticle;
import despatch.sending.CampaignEmails;
import despatch.site.RenderedPages;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Rendered emails under {@code rendered/<slug>/} in the private uploads bucket: email.html,
 * email.txt and email.json (subject and preheader), ready for the sending step, and web.html,
 * ready for an embargo's end.
 */
public final class S3RenderedEmailStore implements RenderedEmailStore, CampaignEmails, RenderedPages {
    public static final String PREFIX = "rendered/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;

    public S3RenderedEmailStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String save(String slug, RenderedArticle rendered) {
        String prefix = PREFIX + slug + "/";
        put(prefix + "email.html", rendered.emailHtml(), S3Content.HTML);
        put(prefix + "email.txt", rendered.emailText(), S3Content.TEXT);
        put(prefix + "email.json", headers(rendered), S3Content.JSON);
        // The page too: an embargoed article's goes on the site only when its embargo ends (S3ArticleRelease).
        put(prefix + "web.html", rendered.webHtml(), S3Content.HTML);
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public StoredEmail load(String slug) {
        String prefix = PREFIX + slug + "/";
        try {
            String subject = MAPPER.readTree(get(prefix + "email.json")).path("subject").asText();
            return new StoredEmail(subject, get(prefix + "email.html"), get(prefix + "email.txt"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(prefix + "email.json is not the JSON the publish step writes", e);
        }
    }

    /** The article page as rendered at its last publish; the site is rebuilt from these. */
    @Override
    public Optional<String> webPage(String slug) {
        try {
            return Optional.of(get(PREFIX + slug + "/web.html"));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void saveWebPage(String slug, String html) {
        put(PREFIX + slug + "/web.html", html, S3Content.HTML);
    }

    private String get(String key) {
        return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
    }

    private void put(String key, String body, String contentType) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(contentType),
                RequestBody.fromString(body, StandardCharsets.UTF_8));
    }

    private static String headers(RenderedArticle rendered) {
        try {
            return MAPPER.writeValueAsString(Map.of("subject", rendered.subject(), "preheader", rendered.preheader()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings cannot fail to serialise", e);
        }
    }
}
