package despatch.office;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the office's lists from the compact configuration form "id=Display name,id2=Other name". */
public final class MailingListsSetting {
    private static final Pattern LIST_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private MailingListsSetting() {
    }

    public static Map<String, MailingList> parse(String value) {
        Map<String, MailingList> lists = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String id = (equals < 0 ? entry : entry.substring(0, equals)).strip();
            String display = equals < 0 ? id : entry.substring(equals + 1).strip();
            if (!LIST_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("List id '" + id
                        + "' must be lower-case letters, digits and hyphens (at most 40), e.g. newsletter=Newsletter");
            }
            if (lists.put(id, new MailingList(id, display.isEmpty() ? id : display)) != null) {
                throw new IllegalArgumentException("List id '" + id + "' is defined twice");
            }
        }
        return lists;
    }
}
