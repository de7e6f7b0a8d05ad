package despatch.subscription;

import despatch.common.EmailAddress;

/**
 * Hands a data-link request over to be mailed later (a queue in AWS), so that a request takes the
 * same path whether or not the address is subscribed. The consumer calls
 * {@link SubscriptionService#sendDataLink}.
 */
public interface DataLinkRequests {
    /** @param baseUrl the API's address, which the link in the email leads back to */
    void request(EmailAddress address, String baseUrl);
}
