package despatch.subscription;

import despatch.office.Office;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Imports one row: with consent evidence a person becomes active for the file's lists; without,
 * pending (mailed a confirmation only when the file asks). Suppressed addresses and people who
 * left after the file's consent date are never brought back by an import.
 */
public final class SubscriberImporter {
    private final Office office;
    private final SubscriberStore store;
    private final Mailer mailer;
    private final SubscriptionEmails emails;
    private final Clock clock;

    public SubscriberImporter(Office office, SubscriberStore store, Mailer mailer, SubscriptionEmails emails, Clock clock) {
        this.office = office;
        this.store = store;
        this.mailer = mailer;
        this.emails = emails;
        this.clock = clock;
    }

    public ImportOutcome importRow(ImportRequest row, SubscriptionLinks links) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(row, links);
            } catch (ConcurrentChangeException e) {
                if (attempt == 4) {
                    throw e;
                }
            }
        }
    }

    private ImportOutcome attempt(ImportRequest row, SubscriptionLinks links) {
        String key = AddressKey.of(row.address());
        Optional<AddressRecord> address = store.findAddress(key);
        if (address.flatMap(AddressRecord::suppression).isPresent()) {
            return ImportOutcome.SKIPPED_SUPPRESSED;
        }
        Optional<String> holder = address.flatMap(AddressRecord::subscriberId);
        Optional<Subscriber> existing = holder.flatMap(store::findSubscriber);
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            String id = holder.orElseGet(Ids::next);
            if (holder.isEmpty() && !store.claimAddress(key, id)) {
                throw new ConcurrentChangeException("address claimed during import");
            }
            Subscriber blank = new Subscriber(id, row.address(), row.name(), row.postcode(), SubscriberStatus.PENDING,
                    Set.of(), Set.of(), null, List.of(), now, now, 0);
            return apply(blank, row, links, now);
        }
        Subscriber subscriber = existing.get();
        if (subscriber.status().isSuppressed()) {
            return ImportOutcome.SKIPPED_SUPPRESSED;
        }
        if (row.consentAt().isPresent() && leftAfter(subscriber, row.consentAt().get())) {
            return ImportOutcome.SKIPPED_LEFT_LATER;
        }
        return apply(subscriber, row, links, now);
    }

    private ImportOutcome apply(Subscriber subscriber, ImportRequest row, SubscriptionLinks links, Instant now) {
        boolean active = subscriber.status() == SubscriberStatus.ACTIVE;
        Set<String> added = new HashSet<>(row.lists());
        if (active) {
            added.removeAll(subscriber.lists());
        }
        if (added.isEmpty() && active) {
            return ImportOutcome.UNCHANGED;
        }
        RequestOrigin origin = RequestOrigin.imported(row.consentSource());
        if (row.consentAt().isPresent()) {
            Set<String> lists = new HashSet<>(active ? subscriber.lists() : Set.of());
            lists.addAll(added);
            Set<String> pending = new HashSet<>(subscriber.pendingLists());
            pending.removeAll(lists);
            ConsentRecord consent = new ConsentRecord(row.consentAt().get(), ConsentAction.IMPORTED, added, row.consentWording(),
                    ConsentSource.IMPORT, "", "", row.consentSource());
            Subscriber next = subscriber.next(SubscriberStatus.ACTIVE, lists, pending,
                    pending.isEmpty() ? null : subscriber.confirmationNonce(), consent, now);
            store.save(next);
            // Someone new has no memberships to remove: skipping the deletes saves a write per list.
            store.syncMemberships(next, subscriber.version() == 0 ? Set.of() : otherLists(next));
            return ImportOutcome.ACTIVE;
        }
        Set<String> pending = new HashSet<>(subscriber.pendingLists());
        pending.addAll(added);
        String nonce = subscriber.confirmationNonce() != null ? subscriber.confirmationNonce() : Ids.next();
        Subscriber next = subscriber.next(active ? SubscriberStatus.ACTIVE : SubscriberStatus.PENDING,
                active ? subscriber.lists() : Set.of(), pending, nonce,
                ConsentRecord.of(now, ConsentAction.REQUESTED, added, row.consentWording(), origin), now);
        store.save(next);
        if (!row.sendConfirmation()) {
            return ImportOutcome.PENDING_UNMAILED;
        }
        mailer.send(emails.confirmation(next, links));
        return ImportOutcome.PENDING_MAILED;
    }

    private static boolean leftAfter(Subscriber subscriber, Instant consentAt) {
        return subscriber.consents().stream()
                .anyMatch(c -> c.action() == ConsentAction.UNSUBSCRIBED && !c.at().isBefore(consentAt));
    }

    private Set<String> otherLists(Subscriber subscriber) {
        Set<String> others = new HashSet<>(office.lists().keySet());
        others.removeAll(subscriber.lists());
        return others;
    }
}
