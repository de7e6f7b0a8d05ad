package despatch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadTextTest {
    private static String rejection(byte[] bytes) {
        return assertThrows(ArticleRejectedException.class, () -> UploadText.decode(bytes)).problems().getFirst().message();
    }

    @Test
    void emptyAndBlankFilesAreRefused() {
        assertTrue(rejection(new byte[0]).contains("empty"));
        assertTrue(rejection(" \n\t\n".getBytes(StandardCharsets.UTF_8)).contains("empty"));
    }

    @Test
    void wordDocumentsAreRecognised() {
        byte[] docx = {'P', 'K', 3, 4, 20, 0, 6, 0};
        assertTrue(rejection(docx).contains("Word (.docx)"));
        assertTrue(rejection("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)).contains("PDF"));
    }

    @Test
    void binaryIsRefused() {
        assertTrue(rejection(new byte[] {'a', 'b', 0, 'c'}).contains("binary"));
    }

    @Test
    void windows1252IsRefusedWithTheFix() {
        byte[] cp1252 = "Caf\u00e9 \u2013 quote".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        String message = rejection(cp1252);
        assertTrue(message.contains("not valid UTF-8") && message.contains("offset 3") && message.contains("Save it again as UTF-8"), message);
    }

    @Test
    void oversizeIsRefusedWithTheLimit() {
        byte[] big = new byte[UploadText.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertTrue(rejection(big).contains("limit is 1048576 bytes"));
    }

    @Test
    void utf16FromNotepadIsRead() throws Exception {
        byte[] utf16 = "\uFEFFCaf\u00e9 \u201cquoted\u201d".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Caf\u00e9 \u201cquoted\u201d", UploadText.decode(utf16));
    }

    @Test
    void controlCharactersAreRefusedWithTheLine() {
        String message = rejection("line one\nline \u0007two".getBytes(StandardCharsets.UTF_8));
        assertTrue(message.contains("U+0007"), message);
    }
}
