package despatch.office;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the office's lists from the compact configuration form
 * {@code id=Display name|What it is about; id2=Other name}. Entries are separated by semicolons,
 * or by commas when there is no semicolon (the older form, which cannot carry descriptions with
 * commas in them).
 */
public final class MailingListsSetting {
    private static final Pattern LIST_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private MailingListsSetting() {
    }

    public static Map<String, MailingList> parse(String value) {
        Map<String, MailingList> lists = new LinkedHashMap<>();
        String separator = value.contains(";") ? ";" : ",";
        for (String entry : value.split(separator)) {
            if (entry.isBlank()) {
                continue;
            }
            MailingList list = entry(entry);
            if (lists.put(list.id(), list) != null) {
                throw new IllegalArgumentException("List id '" + list.id() + "' is defined twice");
            }
        }
        return lists;
    }

    private static MailingList entry(String entry) {
        int equals = entry.indexOf('=');
        String id = (equals < 0 ? entry : entry.substring(0, equals)).strip();
        String rest = equals < 0 ? "" : entry.substring(equals + 1);
        int bar = rest.indexOf('|');
        String display = (bar < 0 ? rest : rest.substring(0, bar)).strip();
        String description = bar < 0 ? "" : rest.substring(bar + 1);
        if (!LIST_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("List id '" + id
                    + "' must be lower-case letters, digits and hyphens (at most 40), e.g. newsletter=Newsletter");
        }
        return new MailingList(id, display.isEmpty() ? id : display, description);
    }
}
