package despatch.console.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578), as the console's upload form sends it: its
 * fields by name, a file field with its file name and bytes. The body arrives as a string of
 * ISO-8859-1 characters, one per byte, so that a file's bytes come through unchanged whatever
 * their encoding. A body that is not well formed reads as having no fields; the caller then says
 * what is missing.
 */
final class MultipartForm {
    /** More parts than the upload form has is not a form of ours. */
    private static final int MAX_PARTS = 10;

    /** One part: its field name, its file name (null for a plain field), and its bytes. */
    record Part(String name, String fileName, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** @param body the body's bytes as ISO-8859-1 characters */
    static MultipartForm parse(String contentType, String body) {
        Optional<String> boundary = boundary(contentType);
        if (boundary.isEmpty()) {
            return new MultipartForm(List.of());
        }
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        byte[] delimiter = ("--" + boundary.get()).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(bytes, delimiter, 0);
        while (at >= 0 && parts.size() < MAX_PARTS) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(bytes, afterDelimiter, "--")) {
                break;
            }
            int headersStart = afterDelimiter + 2;
            int headersEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            int next = indexOf(bytes, ("\r\n--" + boundary.get()).getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (!startsWith(bytes, afterDelimiter, "\r\n") || headersEnd < 0 || next < 0 || headersEnd + 4 > next) {
                return new MultipartForm(List.of());
            }
            String headers = new String(bytes, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            disposition(headers).ifPresent(part -> parts.add(new Part(part[0], part[1], Arrays.copyOfRange(bytes, headersEnd + 4, next))));
            at = next + 2;
        }
        return new MultipartForm(parts);
    }

    /** The first plain field of this name, as text. */
    Optional<String> field(String name) {
        return parts.stream().filter(part -> part.name().equals(name) && part.fileName() == null).findFirst().map(Part::text);
    }

    /** The first file field of this name that carries a file. */
    Optional<Part> file(String name) {
        return parts.stream().filter(part -> part.name().equals(name) && part.fileName() != null && !part.fileName().isEmpty()).findFirst();
    }

    private static Optional<String> boundary(String contentType) {
        if (!isMultipart(contentType)) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring("boundary=".length());
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() || value.length() > 70 ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The field name and file name (null if none) of a part's Content-Disposition: form-data header. */
    private static Optional<String[]> disposition(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            String name = parameter(line, "name");
            return name == null ? Optional.empty() : Optional.of(new String[] {name, parameter(line, "filename")});
        }
        return Optional.empty();
    }

    private static String parameter(String header, String name) {
        for (String parameter : header.substring(header.indexOf(':') + 1).split(";")) {
            String trimmed = parameter.strip();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).strip().equalsIgnoreCase(name)) {
                String value = trimmed.substring(equals + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int at, String expected) {
        byte[] wanted = expected.getBytes(StandardCharsets.ISO_8859_1);
        return at + wanted.length <= bytes.length && Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length);
    }

    private static int indexOf(byte[] bytes, byte[] wanted, int from) {
        outer:
        for (int i = Math.max(0, from); i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
