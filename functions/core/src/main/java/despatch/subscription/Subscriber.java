package despatch.subscription;

import despatch.common.EmailAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person on the office's lists. {@code lists} are the confirmed ones that get mail;
 * {@code pendingLists} wait for the confirmation link, whose nonce ties the link to this request
 * so that an old link cannot re-join someone who has since left. {@code version} guards every
 * write: a save succeeds only over the version it was read at.
 *
 * @param id random, opaque; signed links carry it, never the address
 * @param confirmationNonce random per pending request, or null when nothing is pending
 */
public record Subscriber(
        String id,
        EmailAddress address,
        String name,
        String postcode,
        SubscriberStatus status,
        Set<String> lists,
        Set<String> pendingLists,
        String confirmationNonce,
        List<ConsentRecord> consents,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public Subscriber {
        name = name == null ? "" : name;
        postcode = postcode == null ? "" : postcode;
        lists = Collections.unmodifiableSet(new TreeSet<>(lists));
        pendingLists = Collections.unmodifiableSet(new TreeSet<>(pendingLists));
        consents = List.copyOf(consents);
    }

    /** About 40 KB at most: a DynamoDB item may hold 400 KB, and every write pays per KB. */
    static final int HISTORY_LIMIT = 100;

    private static int firstRequest(List<ConsentRecord> history) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).action() == ConsentAction.REQUESTED) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Pending and never confirmed, imported or changed: all that is held is what someone typed
     * into a form, possibly about someone else, so it should not be kept for long.
     */
    public boolean isUnconfirmedStranger() {
        return status == SubscriberStatus.PENDING && consents.stream().allMatch(c -> c.action() == ConsentAction.REQUESTED);
    }

    public String addressKey() {
        return AddressKey.of(address);
    }

    /** The next version of this subscriber, with one more consent record. */
    Subscriber next(SubscriberStatus newStatus, Set<String> newLists, Set<String> newPending, String nonce,
            ConsentRecord consent, Instant now) {
        List<ConsentRecord> history = new ArrayList<>(consents);
        if (consent != null) {
            history.add(consent);
        }
        // Strangers can make requests for any address; the proof (confirmations, imports, changes) is never dropped.
        while (history.size() > HISTORY_LIMIT) {
            int oldestRequest = firstRequest(history);
            if (oldestRequest < 0) {
                break;
            }
            history.remove(oldestRequest);
        }
        return new Subscriber(id, address, name, postcode, status.moveTo(newStatus), newLists, newPending, nonce,
                history, createdAt, now, version + 1);
    }

    Subscriber withDetails(String newName, String newPostcode) {
        return new Subscriber(id, address, newName.isEmpty() ? name : newName, newPostcode.isEmpty() ? postcode : newPostcode,
                status, lists, pendingLists, confirmationNonce, consents, createdAt, updatedAt, version);
    }

    @Override
    public String toString() {
        return "Subscriber[" + id + ", " + status + ", lists=" + lists + ", pending=" + pendingLists + "]";
    }
}
