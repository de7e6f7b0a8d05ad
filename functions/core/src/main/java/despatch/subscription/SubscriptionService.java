package despatch.subscription;

import despatch.common.ConcurrentChangeException;
import despatch.common.EmailAddress;
import despatch.common.Hashes;
import despatch.common.OptimisticRetry;
import despatch.office.Office;
import despatch.render.ConsentWording;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Joining and leaving the office's lists: double opt-in, preferences, one-click unsubscribe,
 * data export and erasure. Every change is a read followed by a versioned conditional write,
 * retried when someone else wrote in between; list memberships follow the subscriber item.
 *
 * <p>Subscribe and data requests answer the same whatever the address's state, so the form
 * cannot be used to find out who is subscribed: the request checks the network's limit and hands
 * the address over ({@link SubscriberRequests}); the consumer looks it up and mails. What differs
 * is only which email, if any, the address's owner receives.
 */
public final class SubscriptionService {
    private final Office office;
    private final SubscriberStore store;
    private final DailyLimiter limiter;
    private final Mailer mailer;
    private final SubscriptionEmails emails;
    private final TokenSigner signer;
    private final SubscriptionLimits limits;
    private final Clock clock;
    private final SubscriberRequests requests;

    public SubscriptionService(Office office, SubscriberStore store, DailyLimiter limiter, Mailer mailer,
            SubscriptionEmails emails, TokenSigner signer, SubscriptionLimits limits, Clock clock, SubscriberRequests requests) {
        this.office = office;
        this.store = store;
        this.limiter = limiter;
        this.mailer = mailer;
        this.emails = emails;
        this.signer = signer;
        this.limits = limits;
        this.clock = clock;
        this.requests = requests;
    }

    public SubscriptionLinks links(String baseUrl) {
        return new SubscriptionLinks(baseUrl, signer);
    }

    /**
     * Asks for the subscription to be recorded. Only the hand-over happens here, the same for every
     * address: claiming a new address and saving it inside the request would make a new address's
     * answer measurably slower than a known one's.
     */
    public void subscribe(ValidSubscription request, RequestOrigin origin, SubscriptionLinks links) throws TooManyRequestsException {
        checkNetwork(origin);
        requests.subscribe(request, origin, links.baseUrl());
    }

    /**
     * The consumer's half of {@link #subscribe}: records the request and mails a confirmation link
     * (or, when nothing is new, a link to manage the subscription), within the address's daily mail limit.
     */
    public void recordSubscription(ValidSubscription request, RequestOrigin origin, SubscriptionLinks links) {
        Optional<OutgoingEmail> mail = OptimisticRetry.<Optional<OutgoingEmail>, RuntimeException>retrying(
                () -> recordRequest(request, origin, links));
        mail.filter(m -> mayMail(m.to())).ifPresent(mailer::send);
    }

    private Optional<OutgoingEmail> recordRequest(ValidSubscription request, RequestOrigin origin, SubscriptionLinks links) {
        Instant now = clock.instant();
        String key = AddressKey.of(request.address());
        Optional<AddressRecord> address = store.findAddress(key);
        Optional<String> holder = address.flatMap(AddressRecord::subscriberId);
        Optional<Subscriber> existing = holder.flatMap(store::findSubscriber);
        if (existing.isEmpty()) {
            String id = holder.orElseGet(Ids::next);
            if (holder.isEmpty() && !store.claimAddress(key, id)) {
                throw new ConcurrentChangeException("address claimed by another request");
            }
            Subscriber created = Subscriber.requested(id, request, origin, now);
            store.save(created);
            return Optional.of(emails.confirmation(created, links));
        }
        Subscriber subscriber = existing.get();
        Set<String> wanted = subscriber.notYetJoined(request.lists());
        if (wanted.isEmpty()) {
            return Optional.of(emails.alreadySubscribed(subscriber, links));
        }
        if (subscriber.awaitsConfirmationOf(wanted)) {
            // Asked again for what is already waiting: the same link again, and nothing stored, so
            // repeated requests cannot grow the record.
            return Optional.of(emails.confirmation(subscriber, links));
        }
        // Name and postcode from an unauthenticated form never overwrite what a subscriber gave.
        Subscriber next = subscriber.request(wanted, request.wordingVersion(), origin, now);
        store.save(next);
        return Optional.of(emails.confirmation(next, links));
    }

    /** Who a confirmation link is for, to show the confirm page before anything changes. */
    public Subscriber checkConfirmation(String token) throws InvalidLinkException {
        ConfirmationTarget target = confirmationTarget(token);
        Subscriber subscriber = target.subscriber();
        // The same rule as confirm(): a link from a cancelled or replaced request leads nowhere, so no button for it.
        if (!subscriber.isConfirmedBy(target.nonce())) {
            if (subscriber.status() != SubscriberStatus.ACTIVE) {
                throw new InvalidLinkException(LinkProblem.GONE);
            }
            return subscriber.withNothingPending();
        }
        return subscriber;
    }

    /** Activates the pending lists; a second click on the same link changes nothing and says so. */
    public Subscriber confirm(String token, RequestOrigin origin) throws InvalidLinkException {
        ConfirmationTarget target = confirmationTarget(token);
        return OptimisticRetry.retrying(() -> {
            Subscriber subscriber = loaded(target.subscriber().id());
            if (!subscriber.isConfirmedBy(target.nonce())) {
                if (subscriber.status() == SubscriberStatus.ACTIVE) {
                    // Harmless again, and it finishes a confirmation that crashed part-way.
                    store.syncMemberships(subscriber, Memberships.toLeave(office, subscriber, subscriber));
                    store.clearSuppression(subscriber.addressKey());
                    return subscriber;
                }
                throw new InvalidLinkException(LinkProblem.GONE);
            }
            Subscriber next = subscriber.confirm(origin, clock.instant());
            store.save(next);
            store.syncMemberships(next, Memberships.toLeave(office, next, subscriber));
            store.clearSuppression(next.addressKey());
            return next;
        });
    }

    /** The subscriber a preferences, unsubscribe or data link belongs to. */
    public Subscriber subscriberFor(TokenPurpose purpose, String token) throws InvalidLinkException {
        return loaded(checked(purpose, token));
    }

    /** True for the short-lived link that may erase; false for any other token, valid or not. */
    public boolean isDataLink(String token) {
        return signer.check(TokenPurpose.DATA, token) instanceof TokenCheck.Valid;
    }

    /** From a preferences link: mails the subscriber a data link, the only kind that can erase. */
    public void mailDataLink(String preferencesToken, SubscriptionLinks links) throws InvalidLinkException {
        Subscriber subscriber = subscriberFor(TokenPurpose.PREFERENCES, preferencesToken);
        if (mayMail(subscriber.address())) {
            mailer.send(emails.dataLink(subscriber, links));
        }
    }

    /**
     * Sets the lists from the preferences page. An active subscriber's choice applies at once; anyone
     * else (left, bounced) gets a confirmation first, since these links outlive a subscription and
     * can be forwarded.
     *
     * @return the subscriber after the change; with pending lists when a confirmation was mailed
     */
    public Subscriber choose(String token, Set<String> lists, RequestOrigin origin, SubscriptionLinks links) throws InvalidLinkException {
        String id = checked(TokenPurpose.PREFERENCES, token);
        if (lists.isEmpty()) {
            return leave(id, origin);
        }
        Instant now = clock.instant();
        Subscriber result = OptimisticRetry.retrying(() -> {
            Subscriber subscriber = loaded(id);
            Subscriber next = subscriber.chooseLists(lists, ConsentWording.CURRENT, origin, now);
            store.save(next);
            store.syncMemberships(next, Memberships.toLeave(office, next, subscriber));
            return next;
        });
        if (result.status() != SubscriberStatus.ACTIVE && mayMail(result.address())) {
            mailer.send(emails.confirmation(result, links));
        }
        return result;
    }

    /**
     * Leaves every list: from the unsubscribe link in an email (one-click or its page), or from
     * the preferences page's "unsubscribe from everything". Repeating it is harmless.
     */
    public Subscriber unsubscribe(String token, RequestOrigin origin) throws InvalidLinkException {
        String id = signer.check(TokenPurpose.UNSUBSCRIBE, token) instanceof TokenCheck.Valid valid
                ? valid.subscriberId() : checked(TokenPurpose.PREFERENCES, token);
        return leave(id, origin);
    }

    private Subscriber leave(String id, RequestOrigin origin) throws InvalidLinkException {
        return OptimisticRetry.retrying(() -> {
            Subscriber subscriber = loaded(id);
            Subscriber next = subscriber.unsubscribe(origin, clock.instant());
            if (next != subscriber) {
                store.save(next);
            }
            // Even when nothing changed: it finishes a leaving that crashed part-way.
            store.syncMemberships(next, Memberships.toLeave(office, next, subscriber));
            return next;
        });
    }

    /**
     * Asks for a link to the preferences page to be mailed, if the address is subscribed. Only
     * the hand-over happens here, the same for every address: looking the address up and mailing
     * inside the request would make a known address's answer measurably slower.
     */
    public void requestDataLink(EmailAddress address, RequestOrigin origin, SubscriptionLinks links) throws TooManyRequestsException {
        checkNetwork(origin);
        requests.dataLink(address, links.baseUrl());
    }

    /** The consumer's half of {@link #requestDataLink}: mails the link if the address is subscribed, and nothing otherwise. */
    public void sendDataLink(EmailAddress address, SubscriptionLinks links) {
        store.findAddress(AddressKey.of(address))
                .flatMap(AddressRecord::subscriberId)
                .flatMap(store::findSubscriber)
                .filter(subscriber -> mayMail(subscriber.address()))
                .ifPresent(subscriber -> mailer.send(emails.dataLink(subscriber, links)));
    }

    /** Mails everything held about the subscriber to their own address, never to the page. */
    public void exportData(String token, SubscriptionLinks links) throws InvalidLinkException {
        Subscriber subscriber = subscriberFor(TokenPurpose.PREFERENCES, token);
        if (mayMail(subscriber.address())) {
            mailer.send(emails.export(subscriber, links));
        }
    }

    /**
     * Deletes the subscriber's personal data. First a versioned write marks the subscriber erased
     * and empties it, so no concurrent change can bring memberships back (every other operation
     * treats an erased subscriber as gone); then the suppression, the memberships, and last the
     * item itself, only if nothing wrote in between. A crash part-way is finished by trying again.
     */
    public void erase(String token) throws InvalidLinkException {
        String id = checked(TokenPurpose.DATA, token);
        OptimisticRetry.retrying(() -> {
            Subscriber subscriber = store.findSubscriber(id).orElseThrow(() -> new InvalidLinkException(LinkProblem.GONE));
            Subscriber erased = subscriber.erase(clock.instant());
            if (erased != subscriber) {
                store.save(erased);
            }
            store.suppressAddress(erased.addressKey(), SubscriberStatus.ERASED, clock.instant());
            store.syncMemberships(erased, Memberships.toLeave(office, erased, subscriber));
            store.delete(erased);
            return erased;
        });
    }

    private record ConfirmationTarget(Subscriber subscriber, String nonce) {
    }

    private ConfirmationTarget confirmationTarget(String token) throws InvalidLinkException {
        String subject = checked(TokenPurpose.CONFIRM, token);
        int separator = subject.indexOf(SubscriptionLinks.NONCE_SEPARATOR);
        if (separator < 0) {
            throw new InvalidLinkException(LinkProblem.INVALID);
        }
        return new ConfirmationTarget(loaded(subject.substring(0, separator)), subject.substring(separator + 1));
    }

    private String checked(TokenPurpose purpose, String token) throws InvalidLinkException {
        // A data link opens the preferences page too: it is a preferences link that may also erase.
        if (purpose == TokenPurpose.PREFERENCES && signer.check(TokenPurpose.DATA, token) instanceof TokenCheck.Valid valid) {
            return valid.subscriberId();
        }
        return switch (signer.check(purpose, token)) {
            case TokenCheck.Valid valid -> valid.subscriberId();
            case TokenCheck.Expired expired -> throw new InvalidLinkException(LinkProblem.EXPIRED);
            case TokenCheck.Invalid invalid -> throw new InvalidLinkException(LinkProblem.INVALID);
        };
    }

    /** The subscriber a link names; one being erased is as gone as one erased. */
    private Subscriber loaded(String id) throws InvalidLinkException {
        Optional<Subscriber> subscriber = store.findSubscriber(id).filter(s -> s.status() != SubscriberStatus.ERASED);
        if (subscriber.isEmpty()) {
            throw new InvalidLinkException(LinkProblem.GONE);
        }
        return subscriber.get();
    }

    private void checkNetwork(RequestOrigin origin) throws TooManyRequestsException {
        if (!origin.ipAddress().isEmpty()
                && !limiter.tryAcquire("network#" + Hashes.sha256(NetworkKey.of(origin.ipAddress())), today(), limits.requestsPerNetwork())) {
            throw new TooManyRequestsException();
        }
    }

    private boolean mayMail(EmailAddress address) {
        return limiter.tryAcquire("address#" + AddressKey.of(address), today(), limits.mailsPerAddress());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }
}
