package despatch.local.stack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One email the SES emulator accepted, as its store shows it. Raw MIME sends are parsed by the
 * emulator; custom headers inside raw MIME do not show here (SendEmail Simple's Headers do).
 */
public record CapturedEmail(
        String messageId,
        String from,
        List<String> replyTo,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String html,
        String text,
        List<Header> headers,
        int attachments,
        Instant acceptedAt) {

    public record Header(String name, String value) {
    }

    /** The first header of that name, compared without regard to case as mail headers are. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }
}
