package despatch.subscription.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as spreadsheets write it: optional UTF-8 byte order mark, CRLF or LF line ends,
 * quoted fields with commas, line breaks and doubled quotes inside. Blank lines are skipped.
 */
final class CsvReader {
    private CsvReader() {
    }

    /** A record and the line it started on, for reports that point at the right row. */
    record CsvRow(int line, List<String> fields) {
    }

    static List<CsvRow> read(String text) throws MalformedCsvException {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<CsvRow> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addRow(rows, rowStart, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                rowStart = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new MalformedCsvException("A quoted field that starts on line " + rowStart + " is never closed: check for a missing \".");
        }
        if (!field.isEmpty() || !fields.isEmpty() || fieldWasQuoted) {
            fields.add(field.toString());
            addRow(rows, rowStart, fields);
        }
        return rows;
    }

    private static void addRow(List<CsvRow> rows, int line, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (!blank) {
            rows.add(new CsvRow(line, List.copyOf(fields)));
        }
    }

    static final class MalformedCsvException extends Exception {
        MalformedCsvException(String message) {
            super(message);
        }
    }
}
