package despatch.subscription;

import despatch.common.ConcurrentChangeException;
import despatch.common.OptimisticRetry;
import despatch.office.Office;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports rows: with consent evidence a person becomes active for the file's lists; without,
 * pending (mailed a confirmation only when the file asks). Suppressed addresses and people who
 * unsubscribed are never brought back by an import: an old spreadsheet is not fresh consent.
 *
 * <p>Most rows of a first import are addresses never seen before, so a chunk is read with one
 * batch lookup, each new address is claimed with its own conditional write (the one write that
 * must not be batched: it is what stops two sign-ups becoming two subscribers), and the new
 * subscribers and memberships go out in batch writes. Known addresses take the careful path,
 * a versioned read-modify-write per row.
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

    /** What importing a row changes: the subscriber to write (or none) and what the report says. */
    private record Plan(Subscriber next, ImportOutcome outcome) {
        boolean mailsConfirmation() {
            return outcome == ImportOutcome.PENDING_MAILED;
        }
    }

    /** @return one outcome per row, in the rows' order */
    public List<ImportOutcome> importChunk(List<ImportRequest> rows, SubscriptionLinks links) {
        Map<String, AddressRecord> known = store.findAddresses(rows.stream().map(row -> AddressKey.of(row.address())).toList());
        Instant now = clock.instant();
        List<ImportOutcome> outcomes = new ArrayList<>();
        List<Plan> created = new ArrayList<>();
        List<Integer> createdAt = new ArrayList<>();
        for (ImportRequest row : rows) {
            AddressRecord address = known.get(AddressKey.of(row.address()));
            try {
                if (address != null && address.suppression().isPresent()) {
                    outcomes.add(ImportOutcome.SKIPPED_SUPPRESSED);
                } else if ((address == null || address.subscriberId().isEmpty()) && claimNew(row, now, created)) {
                    createdAt.add(outcomes.size());
                    outcomes.add(created.getLast().outcome());
                } else {
                    outcomes.add(importRow(row, links));
                }
            } catch (RuntimeException e) {
                // One row's failure is that row's: the report asks for it again, the chunk goes on.
                outcomes.add(ImportOutcome.FAILED);
            }
        }
        try {
            store.createAll(created.stream().map(Plan::next).toList());
        } catch (RuntimeException e) {
            // The addresses stay claimed with no subscriber; uploading the rows again completes them.
            createdAt.forEach(index -> outcomes.set(index, ImportOutcome.FAILED));
            return outcomes;
        }
        for (int i = 0; i < created.size(); i++) {
            Plan plan = created.get(i);
            if (plan.mailsConfirmation()) {
                try {
                    mailer.send(emails.confirmation(plan.next(), links));
                } catch (RuntimeException e) {
                    outcomes.set(createdAt.get(i), ImportOutcome.FAILED);
                }
            }
        }
        return outcomes;
    }

    /** Claims a never-seen address for a new subscriber; false when someone else claimed it first. */
    private boolean claimNew(ImportRequest row, Instant now, List<Plan> created) {
        String id = Ids.next();
        if (!store.claimAddress(AddressKey.of(row.address()), id)) {
            return false;
        }
        created.add(plan(Subscriber.newcomer(id, row, now), row, now));
        return true;
    }

    /** One row by the careful path: read, decide, versioned write; again from a fresh read if someone else wrote first. */
    public ImportOutcome importRow(ImportRequest row, SubscriptionLinks links) {
        return OptimisticRetry.<ImportOutcome, RuntimeException>retrying(() -> attempt(row, links));
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
        Subscriber current;
        if (existing.isEmpty()) {
            String id = holder.orElseGet(Ids::next);
            if (holder.isEmpty() && !store.claimAddress(key, id)) {
                throw new ConcurrentChangeException("address claimed during import");
            }
            current = Subscriber.newcomer(id, row, now);
        } else {
            current = existing.get();
            if (current.status().isSuppressed()) {
                return ImportOutcome.SKIPPED_SUPPRESSED;
            }
            if (current.status() == SubscriberStatus.UNSUBSCRIBED) {
                return ImportOutcome.SKIPPED_UNSUBSCRIBED;
            }
        }
        Plan plan = plan(current, row, now);
        if (plan.next() == null) {
            return plan.outcome();
        }
        store.save(plan.next());
        if (plan.next().status() == SubscriberStatus.ACTIVE) {
            // Someone new has no memberships to remove: skipping the deletes saves a write per list.
            store.syncMemberships(plan.next(), current.version() == 0 ? Set.of() : Memberships.toLeave(office, plan.next(), current));
        }
        if (plan.mailsConfirmation()) {
            mailer.send(emails.confirmation(plan.next(), links));
        }
        return plan.outcome();
    }

    private Plan plan(Subscriber subscriber, ImportRequest row, Instant now) {
        // Only someone active or pending gets here: the suppressed and the unsubscribed were skipped.
        Set<String> added = subscriber.notYetJoined(row.lists());
        if (added.isEmpty() && subscriber.status() == SubscriberStatus.ACTIVE) {
            return new Plan(null, ImportOutcome.UNCHANGED);
        }
        if (row.consentAt().isEmpty() && subscriber.awaitsConfirmationOf(added)) {
            // Uploaded again (or delivered twice by S3): already waiting, so no second record and no second email.
            return new Plan(null, ImportOutcome.UNCHANGED);
        }
        if (row.consentAt().isPresent()) {
            ConsentRecord evidence = new ConsentRecord(row.consentAt().get(), ConsentAction.IMPORTED, added, row.consentWording(),
                    ConsentSource.IMPORT, "", "", row.consentSource());
            return new Plan(subscriber.joinOnEvidence(evidence, now), ImportOutcome.ACTIVE);
        }
        Subscriber next = subscriber.requestKeepingLink(added, row.consentWording(), RequestOrigin.imported(row.consentSource()), now);
        return new Plan(next, row.sendConfirmation() ? ImportOutcome.PENDING_MAILED : ImportOutcome.PENDING_UNMAILED);
    }
}
