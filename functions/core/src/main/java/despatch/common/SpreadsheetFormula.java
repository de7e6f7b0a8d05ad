package despatch.common;

/**
 * A cell whose text starts with one of these characters is a formula to a spreadsheet (CSV
 * injection): the office's staff open exports in one. One rule for everything typed by the
 * public that may end up in such a cell.
 */
public final class SpreadsheetFormula {
    private static final String STARTS = "=+-@\t\r";

    private SpreadsheetFormula() {
    }

    public static boolean startsOne(String text) {
        return text != null && !text.isEmpty() && STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** The text as a spreadsheet shows it and never runs it: a leading apostrophe marks it as text. */
    public static String defused(String text) {
        return startsOne(text) ? "'" + text : text;
    }
}
