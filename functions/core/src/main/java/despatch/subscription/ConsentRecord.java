package despatch.subscription;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * One entry of a subscriber's consent history: what happened, to which lists, under which
 * wording of the form, and from where. Kept so the office can show, on request, when and how
 * a person agreed to hear from it (UK GDPR article 7(1)); deleted with the subscriber on erasure.
 *
 * @param wordingVersion the version of the consent text the person saw (the subscribe form's or the import file's)
 * @param ipAddress the client address API Gateway saw, or empty for imports
 * @param userAgent the browser's User-Agent, shortened, or empty
 * @param evidence for imports: how the office obtained consent, as the file states it
 */
public record ConsentRecord(
        Instant at,
        ConsentAction action,
        Set<String> lists,
        String wordingVersion,
        ConsentSource source,
        String ipAddress,
        String userAgent,
        String evidence) {

    public ConsentRecord {
        lists = java.util.Collections.unmodifiableSet(new TreeSet<>(lists));
        wordingVersion = blankIfNull(wordingVersion);
        ipAddress = blankIfNull(ipAddress);
        userAgent = blankIfNull(userAgent);
        evidence = blankIfNull(evidence);
    }

    static ConsentRecord of(Instant at, ConsentAction action, Set<String> lists, String wordingVersion, RequestOrigin origin) {
        return new ConsentRecord(at, action, lists, wordingVersion, origin.source(), origin.ipAddress(), origin.userAgent(), origin.evidence());
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}
