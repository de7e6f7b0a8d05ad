package despatch.subscription;

import despatch.common.SpreadsheetFormula;
import java.io.IOException;
import java.io.Writer;

/**
 * A list's members as CSV for the office's staff: RFC 4180 (CRLF line ends, a field quoted when
 * it holds a comma, quote or line break, quotes doubled), UTF-8 without a byte-order mark.
 *
 * <p>Names and addresses are typed by the public, and a cell starting with = + - or @ is a formula
 * to a spreadsheet (CSV injection), so such a value gets a leading apostrophe, which spreadsheets
 * show as text. Sign-up and import refuse such addresses; one stored before they did is defused
 * like a name.
 */
public final class MemberCsv {
    private static final int PAGE = 1000;
    public static final String HEADER = "email,name,subscribed_since";

    private final Writer out;

    public MemberCsv(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER + "\r\n");
    }

    /** Every active member of the list, a page at a time in key order. @return how many */
    public static long export(SubscriberStore store, String list, Writer writer) throws IOException {
        MemberCsv csv = new MemberCsv(writer);
        long count = 0;
        String cursor = null;
        do {
            MemberPage page = store.activeMembers(list, cursor, PAGE);
            for (Member member : page.members()) {
                csv.write(member);
                count++;
            }
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        return count;
    }

    public void write(Member member) throws IOException {
        out.write(cell(member.address().forDelivery()) + "," + cell(member.name()) + "," + field(member.since().toString()) + "\r\n");
    }

    private static String cell(String typedByThePublic) {
        return field(SpreadsheetFormula.defused(typedByThePublic));
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
