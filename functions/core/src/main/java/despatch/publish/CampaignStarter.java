package despatch.publish;

import java.time.Instant;
import java.util.Set;

/** What publishing asks of sending: a campaign for the article's lists, made once per article. */
public interface CampaignStarter {
    /** @param embargo when to send, or null for now */
    void articleReady(String slug, String subject, Set<String> lists, Instant embargo);

    /**
     * The article was unpublished: its campaign stops if it has not finished (an embargoed one
     * never starts). Mail already sent cannot be recalled.
     */
    void articleWithdrawn(String slug);
}
