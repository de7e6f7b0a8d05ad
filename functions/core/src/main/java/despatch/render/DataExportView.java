package despatch.render;

import java.util.List;

/** Everything the office holds about one subscriber, as the export email shows it. */
public record DataExportView(String emailAddress, String name, String postcode, String status, List<String> lists,
        List<String> pendingLists, String since, List<ConsentLine> consents, String preferencesUrl) {

    /** One consent record, formatted. */
    public record ConsentLine(String at, String action, String lists, String source, String ipAddress,
            String userAgent, String wordingVersion, String evidence) {
    }
}
