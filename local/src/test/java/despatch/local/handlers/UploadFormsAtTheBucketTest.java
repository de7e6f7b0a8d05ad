package despatch.local.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.console.IncomingFile;
import despatch.console.UploadForm;
import despatch.console.UploadForms;
import despatch.lambda.aws.S3DraftStore;
import despatch.lambda.aws.S3UploadForms;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The console's upload forms posted, as a browser posts them, to the S3 emulator, which checks a
 * form's policy and signature as S3 does: the form as issued is taken and sends the browser back to
 * the console; a form aimed at another key, with its mark changed, with a field added, too large,
 * or expired, is refused by the bucket itself, and nothing is stored.
 */
class UploadFormsAtTheBucketTest {
    private static final URI BACK = URI.create("http://127.0.0.1:8787/console/upload/received");
    private static final byte[] ARTICLE = "---\ntitle: Bus route\n---\nEvery half hour.\n".getBytes(StandardCharsets.UTF_8);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String bucket = TestStack.bucket("UPLOADS_BUCKET");
    private final S3DraftStore drafts = new S3DraftStore(TestStack.get().s3(), bucket);
    private final String prefix = "drafts/incoming/" + UUID.randomUUID() + "/";

    private UploadForm form(Clock clock) {
        return new S3UploadForms(TestStack.get().s3(), bucket, clock).issue(prefix, "sub-editor", BACK);
    }

    @Test
    void theFormAsIssuedIsTakenMarkedAsItsOwnersAndSendsTheBrowserBack() throws Exception {
        HttpResponse<String> posted = post(form(Clock.systemUTC()), UnaryOperator.identity(), "Bus route.md", ARTICLE);
        assertEquals(303, posted.statusCode(), posted.body());
        String key = prefix + "Bus route.md";
        URI back = URI.create(posted.headers().firstValue("Location").orElseThrow());
        assertEquals(BACK.getPath(), back.getPath());
        assertTrue(List.of(back.getQuery().split("&")).contains("key=" + key), "the console is told which file: " + back);
        Optional<IncomingFile> file = drafts.incoming(key, 1024);
        assertEquals("sub-editor", file.orElseThrow().uploadedBy());
        assertEquals(new String(ARTICLE, StandardCharsets.UTF_8), new String(file.get().content(), StandardCharsets.UTF_8));
        drafts.discard(key);
        assertTrue(drafts.incoming(key, 1024).isEmpty(), "discarded");
    }

    @Test
    void aFormSentToAnotherKeyOrWithItsMarkChangedOrAFieldAddedIsRefusedByTheBucket() throws Exception {
        UploadForm form = form(Clock.systemUTC());
        assertRefused(post(form, fields -> replace(fields, "key", "articles/${filename}"), "bus.md", ARTICLE), 403, "articles/bus.md");
        assertRefused(post(form, fields -> replace(fields, "key", "drafts/incoming/" + UUID.randomUUID() + "/${filename}"), "bus.md",
                ARTICLE), 403, null);
        assertRefused(post(form, fields -> replace(fields, "x-amz-meta-uploaded-by", "sub-approver"), "bus.md", ARTICLE), 403,
                prefix + "bus.md");
        assertRefused(post(form, fields -> {
            List<UploadForm.Field> more = new ArrayList<>(fields);
            more.add(new UploadForm.Field("x-amz-meta-approved-by", "sub-approver"));
            return more;
        }, "bus.md", ARTICLE), 403, prefix + "bus.md");
    }

    @Test
    void aFileLargerThanTheBucketTakesOrAFormPastItsTimeIsRefused() throws Exception {
        assertRefused(post(form(Clock.systemUTC()), UnaryOperator.identity(), "huge.md", new byte[(int) UploadForms.BUCKET_LIMIT_BYTES + 1]),
                400, prefix + "huge.md");
        Clock elevenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(11)), ZoneOffset.UTC);
        assertRefused(post(form(elevenMinutesAgo), UnaryOperator.identity(), "late.md", ARTICLE), 403, prefix + "late.md");
    }

    private void assertRefused(HttpResponse<String> response, int status, String keyNotStored) {
        assertEquals(status, response.statusCode(), response.body());
        assertFalse(response.headers().firstValue("Location").isPresent(), "not sent back to the console");
        if (keyNotStored != null) {
            assertFalse(TestStack.exists("UPLOADS_BUCKET", keyNotStored), keyNotStored + " stored");
        }
    }

    private static List<UploadForm.Field> replace(List<UploadForm.Field> fields, String name, String value) {
        return fields.stream().map(field -> field.name().equals(name) ? new UploadForm.Field(name, value) : field).toList();
    }

    /** A browser's multipart/form-data post: the hidden fields in order, then the file. */
    private static HttpResponse<String> post(UploadForm form, UnaryOperator<List<UploadForm.Field>> change, String fileName, byte[] content)
            throws Exception {
        String boundary = "----despatch" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (UploadForm.Field field : change.apply(form.fields())) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.name() + "\"\r\n\r\n" + field.value()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + form.fileField() + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/markdown\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(form.action()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
