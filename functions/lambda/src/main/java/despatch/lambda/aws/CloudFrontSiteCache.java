package despatch.lambda.aws;

import despatch.site.SiteCache;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;

/**
 * The site's distribution in CloudFront: one CreateInvalidation per site update, naming exactly
 * the paths it changed. CloudFront takes at most 3,000 paths in progress per distribution (and
 * charges per path beyond the first 1,000 a month, a wildcard counting as one), so an update that
 * changed more than that, or whose paths CloudFront turns away, asks for everything, as a rebuild does.
 */
public final class CloudFrontSiteCache implements SiteCache {
    static final int MAX_PATHS = 3000;

    private final Supplier<CloudFrontClient> cloudFront;
    private final String distributionId;

    public CloudFrontSiteCache(Supplier<CloudFrontClient> cloudFront, String distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    @Override
    public void invalidate(List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        List<String> asked = paths.size() > MAX_PATHS ? List.of(EVERYTHING) : List.copyOf(paths);
        try {
            send(asked);
        } catch (CloudFrontException e) {
            if (asked.equals(List.of(EVERYTHING))) {
                throw e;
            }
            // Too many paths in progress (CloudFront counts 3,000 per distribution at once), or a
            // throttle: everything instead, which has its own allowance. Should that fail too, the
            // update fails and is tried again, and a retried update refreshes everything (SiteHandler).
            send(List.of(EVERYTHING));
        }
    }

    private void send(List<String> paths) {
        cloudFront.get().createInvalidation(request -> request.distributionId(distributionId).invalidationBatch(batch -> batch
                // Unique per request: CloudFront treats a repeated reference as the same request.
                .callerReference(UUID.randomUUID().toString())
                .paths(list -> list.quantity(paths.size()).items(paths))));
    }
}
