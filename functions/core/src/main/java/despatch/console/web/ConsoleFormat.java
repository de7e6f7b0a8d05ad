package despatch.console.web;

import despatch.office.Office;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Times in the office's zone and language, and counts with their thousands separated, as staff read them. */
final class ConsoleFormat {
    private final DateTimeFormatter time;
    private final Office office;

    ConsoleFormat(Office office) {
        this.office = office;
        this.time = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", office.language()).withZone(office.zone());
    }

    String time(Instant at) {
        return at == null ? "" : time.format(at);
    }

    String count(long count) {
        return NumberFormat.getIntegerInstance(office.language()).format(count);
    }

    Office office() {
        return office;
    }
}
