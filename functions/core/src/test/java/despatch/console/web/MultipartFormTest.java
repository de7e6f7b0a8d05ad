package despatch.console.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The upload form's body as browsers send it, and bodies that are not well formed. */
class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryx8Qz";

    private static String body(byte[] file) {
        String head = "------WebKitFormBoundaryx8Qz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken-1\r\n"
                + "------WebKitFormBoundaryx8Qz\r\nContent-Disposition: form-data; name=\"article\"; filename=\"bus route.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n";
        String tail = "\r\n------WebKitFormBoundaryx8Qz--\r\n";
        return head + new String(file, StandardCharsets.ISO_8859_1) + tail;
    }

    @Test
    void readsTheFieldsAndTheFilesBytesUnchanged() {
        // Windows-1252 quotes and a CRLF inside the file: bytes, not UTF-8 text.
        byte[] file = {'t', 'i', 't', 'l', 'e', ':', ' ', (byte) 0x93, 'Q', (byte) 0x94, '\r', '\n', '-', '-', 'x'};
        MultipartForm form = MultipartForm.parse(TYPE, body(file));
        assertEquals(Optional.of("token-1"), form.field("csrf"));
        MultipartForm.Part part = form.file("article").orElseThrow();
        assertEquals("bus route.md", part.fileName());
        assertArrayEquals(file, part.content());
        assertTrue(form.field("article").isEmpty(), "a file is not a plain field");
    }

    @Test
    void aBodyThatIsNotAFormHasNoFields() {
        assertTrue(MultipartForm.parse(TYPE, "csrf=token-1").field("csrf").isEmpty());
        assertTrue(MultipartForm.parse("multipart/form-data", body(new byte[] {'a'})).file("article").isEmpty(), "no boundary");
        assertTrue(MultipartForm.parse(TYPE, body(new byte[] {'a'}).replace("\r\n\r\n", "\n\n")).file("article").isEmpty(), "no blank line");
        assertTrue(MultipartForm.parse("application/x-www-form-urlencoded", "csrf=x").field("csrf").isEmpty());
    }

    @Test
    void aPartWhoseHeadersRunIntoTheNextBoundaryReadsAsNoForm() {
        String broken = "--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n--b--\r\n";
        assertTrue(MultipartForm.parse("multipart/form-data; boundary=b", broken).field("csrf").isEmpty());
    }

    @Test
    void anEmptyFileInputIsNoFile() {
        String empty = "--b\r\nContent-Disposition: form-data; name=\"article\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + "\r\n--b--\r\n";
        assertTrue(MultipartForm.parse("multipart/form-data; boundary=b", empty).file("article").isEmpty());
    }
}
