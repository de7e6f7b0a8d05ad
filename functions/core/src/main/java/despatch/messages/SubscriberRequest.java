package despatch.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import despatch.common.EmailAddress;
import despatch.subscription.ConsentSource;
import despatch.subscription.RequestOrigin;
import despatch.subscription.ValidSubscription;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The subscriber mail queue's message: a request from a public form that names an address, for the
 * consumer to act on. The request itself only checks the form and hands this over, the same for
 * every address, so its answer cannot tell (not even by its time) who is subscribed. On the wire:
 * <pre>{"kind": "DATA_LINK", "address": "…", "baseUrl": "…"}
 * {"kind": "SUBSCRIBE", "address": "…", "baseUrl": "…", "name": "…", "postcode": "…", "lists": ["…"],
 *  "wordingVersion": "…", "source": "FORM", "ipAddress": "…", "userAgent": "…"}</pre>
 * The subscribe fields are what the consent record stores. The queue is encrypted and the
 * address is never logged.
 *
 * @param baseUrl the API's address the request arrived at, which the links in the email lead back to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriberRequest(Kind kind, EmailAddress address, String baseUrl, String name, String postcode, List<String> lists,
        String wordingVersion, ConsentSource source, String ipAddress, String userAgent) {
    public static final MessageCodec<SubscriberRequest> CODEC = new JsonCodec<>(SubscriberRequest.class, "a subscriber request");

    public enum Kind {
        /** From the my-data form: mail a link to the subscriber's data, if the address is subscribed. */
        DATA_LINK,
        /** From the subscribe form: record the request and mail a confirmation (or a manage link). */
        SUBSCRIBE
    }

    public SubscriberRequest {
        if (kind == null) {
            throw new IllegalArgumentException("no kind");
        }
        if (address == null) {
            throw new IllegalArgumentException("no address");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("no baseUrl");
        }
        if (kind == Kind.DATA_LINK) {
            // Nothing of a subscription rides along with a data-link request.
            name = postcode = wordingVersion = ipAddress = userAgent = null;
            lists = null;
            source = null;
        } else {
            if (lists == null || lists.isEmpty()) {
                throw new IllegalArgumentException("no lists");
            }
            if (wordingVersion == null || wordingVersion.isBlank()) {
                throw new IllegalArgumentException("no wordingVersion");
            }
            if (source == null) {
                throw new IllegalArgumentException("no source");
            }
            // A list, not a set: the order the form gave is the order the emails name them in.
            lists = List.copyOf(new LinkedHashSet<>(lists));
            name = name == null ? "" : name;
            postcode = postcode == null ? "" : postcode;
            ipAddress = ipAddress == null ? "" : ipAddress;
            userAgent = userAgent == null ? "" : userAgent;
        }
    }

    public static SubscriberRequest dataLink(EmailAddress address, String baseUrl) {
        return new SubscriberRequest(Kind.DATA_LINK, address, baseUrl, null, null, null, null, null, null, null);
    }

    public static SubscriberRequest subscribe(ValidSubscription request, RequestOrigin origin, String baseUrl) {
        return new SubscriberRequest(Kind.SUBSCRIBE, request.address(), baseUrl, request.name(), request.postcode(), List.copyOf(request.lists()),
                request.wordingVersion(), origin.source(), origin.ipAddress(), origin.userAgent());
    }

    /** The form as the request checked it; for a SUBSCRIBE message only. */
    @JsonIgnore
    public ValidSubscription subscription() {
        requireSubscribe();
        return new ValidSubscription(address, name, postcode, new LinkedHashSet<>(lists), wordingVersion);
    }

    /** Where the form came from, for the consent record; for a SUBSCRIBE message only. */
    @JsonIgnore
    public RequestOrigin origin() {
        requireSubscribe();
        return RequestOrigin.web(source, ipAddress, userAgent);
    }

    private void requireSubscribe() {
        if (kind != Kind.SUBSCRIBE) {
            throw new IllegalStateException("a " + kind + " request carries no subscription");
        }
    }
}
