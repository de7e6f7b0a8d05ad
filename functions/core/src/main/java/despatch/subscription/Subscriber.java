package despatch.subscription;

import despatch.common.EmailAddress;
import despatch.common.RefusedTransitionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

    /** Someone's first request from the sign-up form: pending for its lists until the confirmation link is clicked. */
    static Subscriber requested(String id, ValidSubscription request, RequestOrigin origin, Instant now) {
        ConsentRecord consent = ConsentRecord.of(now, ConsentAction.REQUESTED, request.lists(), request.wordingVersion(), origin);
        return new Subscriber(id, request.address(), request.name(), request.postcode(), SubscriberStatus.PENDING, Set.of(),
                request.lists(), Ids.next(), List.of(consent), now, now, 1);
    }

    /** Someone an import names whom the store has never held: version 0, so the first write makes version 1. */
    static Subscriber newcomer(String id, ImportRequest row, Instant now) {
        return new Subscriber(id, row.address(), row.name(), row.postcode(), SubscriberStatus.PENDING, Set.of(), Set.of(), null,
                List.of(), now, now, 0);
    }

    /** The lists asked for that this subscriber does not receive yet. */
    Set<String> notYetJoined(Set<String> asked) {
        Set<String> wanted = new TreeSet<>(asked);
        if (status == SubscriberStatus.ACTIVE) {
            wanted.removeAll(lists);
        }
        return wanted;
    }

    /** Whether all these lists already wait for the confirmation link: asking again should change nothing. */
    boolean awaitsConfirmationOf(Set<String> wanted) {
        Set<String> waiting = status == SubscriberStatus.ACTIVE || status == SubscriberStatus.PENDING ? pendingLists : Set.of();
        return !waiting.isEmpty() && waiting.containsAll(wanted);
    }

    /** Whether a confirmation link with this nonce is the one for the request that now waits. */
    boolean isConfirmedBy(String nonce) {
        return nonce.equals(confirmationNonce);
    }

    /**
     * Asks to join more lists (the sign-up form, again): they wait for a new confirmation link, so an
     * older email's link cannot confirm lists added after it was sent. An active subscriber keeps
     * the lists they have; anyone else (left, bounced) starts again as pending.
     */
    Subscriber request(Set<String> wanted, String wording, RequestOrigin origin, Instant now) {
        return asked(wanted, wording, origin, Ids.next(), now);
    }

    /** As {@link #request}, from an import: the link already mailed, if any, still confirms, since an import mails none unless asked. */
    Subscriber requestKeepingLink(Set<String> wanted, String wording, RequestOrigin origin, Instant now) {
        return asked(wanted, wording, origin, confirmationNonce != null ? confirmationNonce : Ids.next(), now);
    }

    private Subscriber asked(Set<String> wanted, String wording, RequestOrigin origin, String nonce, Instant now) {
        boolean active = status == SubscriberStatus.ACTIVE;
        Set<String> pending = new HashSet<>(active || status == SubscriberStatus.PENDING ? pendingLists : Set.of());
        pending.addAll(wanted);
        return next(active ? SubscriberStatus.ACTIVE : SubscriberStatus.PENDING, active ? lists : Set.of(), pending, nonce,
                ConsentRecord.of(now, ConsentAction.REQUESTED, wanted, wording, origin), now);
    }

    /** The confirmation link was clicked: the waiting lists become active, under the wording of the request they came from. */
    Subscriber confirm(RequestOrigin origin, Instant now) {
        if (confirmationNonce == null) {
            throw new RefusedTransitionException("A " + status + " subscriber with nothing waiting for confirmation cannot confirm");
        }
        Set<String> joined = new HashSet<>(lists);
        joined.addAll(pendingLists);
        return next(SubscriberStatus.ACTIVE, joined, Set.of(), null,
                ConsentRecord.of(now, ConsentAction.CONFIRMED, pendingLists, lastRequestedWording(), origin), now);
    }

    /**
     * The lists chosen on the preferences page. An active subscriber's choice applies at once (and
     * lists chosen that were waiting no longer wait); anyone else is asked to confirm first, since
     * these links outlive a subscription and can be forwarded.
     */
    Subscriber chooseLists(Set<String> chosen, String wording, RequestOrigin origin, Instant now) {
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("Choosing no list is unsubscribing");
        }
        if (status != SubscriberStatus.ACTIVE) {
            String nonce = confirmationNonce != null ? confirmationNonce : Ids.next();
            return next(SubscriberStatus.PENDING, Set.of(), chosen, nonce,
                    ConsentRecord.of(now, ConsentAction.REQUESTED, chosen, wording, origin), now);
        }
        Set<String> pending = new HashSet<>(pendingLists);
        pending.removeAll(chosen);
        return next(SubscriberStatus.ACTIVE, chosen, pending, pending.isEmpty() ? null : confirmationNonce,
                ConsentRecord.of(now, ConsentAction.CHANGED, chosen, wording, origin), now);
    }

    /** Joins the lists of an import row that holds the office's evidence of consent: active at once. */
    Subscriber joinOnEvidence(ConsentRecord evidence, Instant now) {
        if (evidence.action() != ConsentAction.IMPORTED) {
            throw new IllegalArgumentException("Only imported evidence joins without confirmation, not " + evidence.action());
        }
        Set<String> joined = new HashSet<>(status == SubscriberStatus.ACTIVE ? lists : Set.of());
        joined.addAll(evidence.lists());
        Set<String> pending = new HashSet<>(pendingLists);
        pending.removeAll(joined);
        return next(SubscriberStatus.ACTIVE, joined, pending, pending.isEmpty() ? null : confirmationNonce, evidence, now);
    }

    /** Leaves every list, and any request waiting; one who is off every list already is returned as is (repeating is harmless). */
    Subscriber unsubscribe(RequestOrigin origin, Instant now) {
        if (status != SubscriberStatus.ACTIVE && status != SubscriberStatus.PENDING) {
            return this;
        }
        return next(SubscriberStatus.UNSUBSCRIBED, Set.of(), Set.of(), null,
                ConsentRecord.of(now, ConsentAction.UNSUBSCRIBED, lists, "", origin), now);
    }

    /** Mail to the address bounced for good or was reported as spam: off every list, with the reason in the history. */
    Subscriber suppress(SubscriberStatus reason, Instant now) {
        if (reason != SubscriberStatus.BOUNCED && reason != SubscriberStatus.COMPLAINED) {
            throw new IllegalArgumentException("Mail feedback suppresses as BOUNCED or COMPLAINED, not " + reason);
        }
        return next(reason, Set.of(), Set.of(), null, new ConsentRecord(now, ConsentAction.SUPPRESSED, lists, "",
                ConsentSource.MAIL_FEEDBACK, "", "", reason.name().toLowerCase(Locale.ROOT)), now);
    }

    /**
     * Everything personal emptied, history included, so no concurrent change can bring a membership
     * back; one erased already is returned as is.
     */
    Subscriber erase(Instant now) {
        if (status == SubscriberStatus.ERASED) {
            return this;
        }
        return new Subscriber(id, address, "", "", status.moveTo(SubscriberStatus.ERASED), Set.of(), Set.of(), null, List.of(),
                createdAt, now, version + 1);
    }

    /** As an older, already used confirmation link shows it: it confirms nothing now, so no newer request's lists. */
    Subscriber withNothingPending() {
        return new Subscriber(id, address, name, postcode, status, lists, Set.of(), null, consents, createdAt, updatedAt, version);
    }

    private String lastRequestedWording() {
        for (int i = consents.size() - 1; i >= 0; i--) {
            if (consents.get(i).action() == ConsentAction.REQUESTED) {
                return consents.get(i).wordingVersion();
            }
        }
        return "";
    }

    /** The next version of this subscriber, with one more consent record. */
    private Subscriber next(SubscriberStatus newStatus, Set<String> newLists, Set<String> newPending, String nonce,
            ConsentRecord consent, Instant now) {
        List<ConsentRecord> history = new ArrayList<>(consents);
        history.add(consent);
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

    @Override
    public String toString() {
        return "Subscriber[" + id + ", " + status + ", lists=" + lists + ", pending=" + pendingLists + "]";
    }
}
