package despatch.messages;

/**
 * The subscriber mail queue's message: someone asked on the my-data form for a link to their
 * data. The consumer mails it only if the address is subscribed; the request itself does the same
 * whatever the address, so its answer cannot tell who is subscribed. On the wire:
 * {@code {"address": "…", "baseUrl": "…"}}; the queue is encrypted and the address is never logged.
 *
 * @param baseUrl the API's address the request arrived at, which the link in the email leads back to
 */
public record DataLinkRequest(despatch.common.EmailAddress address, String baseUrl) {
    public static final MessageCodec<DataLinkRequest> CODEC = new JsonCodec<>(DataLinkRequest.class, "a data-link request");

    public DataLinkRequest {
        if (address == null) {
            throw new IllegalArgumentException("no address");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("no baseUrl");
        }
    }
}
