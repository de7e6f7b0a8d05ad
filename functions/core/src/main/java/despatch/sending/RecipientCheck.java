package despatch.sending;

import java.util.Set;

/**
 * Whether someone found on a list still receives the campaign when their turn comes: list
 * memberships can lag a subscriber's last change, and people leave while a campaign is sending.
 */
public interface RecipientCheck {
    boolean stillReceives(String subscriberId, Set<String> campaignLists);
}
