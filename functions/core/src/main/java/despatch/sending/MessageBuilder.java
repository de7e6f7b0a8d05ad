package despatch.sending;

import despatch.subscription.SubscriptionLinks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds each recipient's copy of one campaign's email. Built once per campaign (and per send
 * batch in a worker); {@link #build} does only what differs per person: sign their unsubscribe
 * link, join it into both parts, and name it in the headers.
 *
 * <p>{@code List-Unsubscribe} carries the one-click https link first and, when the office has an
 * unsubscribe mailbox, a mailto fallback for clients that only mail; {@code List-Unsubscribe-Post}
 * tells Gmail, Yahoo and Apple Mail they may POST to the link without a page (RFC 8058).
 */
public final class MessageBuilder {
    private final String campaignId;
    private final String subject;
    private final EmailTemplate template;
    private final SubscriptionLinks links;
    private final String unsubscribeMailbox;

    /** @param unsubscribeMailbox an address for mailto unsubscribes, or blank for none */
    public MessageBuilder(String campaignId, String subject, EmailTemplate template, SubscriptionLinks links, String unsubscribeMailbox) {
        this.campaignId = campaignId;
        this.subject = subject;
        this.template = template;
        this.links = links;
        this.unsubscribeMailbox = unsubscribeMailbox == null ? "" : unsubscribeMailbox.strip();
    }

    public CampaignMessage build(Recipient recipient) {
        String unsubscribeUrl = links.unsubscribeUrl(recipient.subscriberId());
        Map<String, String> headers = new LinkedHashMap<>(4);
        String listUnsubscribe = "<" + unsubscribeUrl + ">";
        if (!unsubscribeMailbox.isEmpty()) {
            listUnsubscribe += ", <mailto:" + unsubscribeMailbox + "?subject=unsubscribe>";
        }
        headers.put("List-Unsubscribe", listUnsubscribe);
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new CampaignMessage(recipient.address(), subject, template.html(unsubscribeUrl), template.text(unsubscribeUrl), headers,
                Map.of("campaign", campaignId));
    }
}
