package despatch.lambda.aws;

import despatch.site.SiteCache;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * The site's distribution in CloudFront: one CreateInvalidation per site update, naming exactly
 * the paths it changed. CloudFront takes at most 3,000 paths in a request (and charges per path
 * beyond the first 1,000 a month, a wildcard counting as one), so an update that changed more
 * than that asks for everything, as a rebuild does.
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
        cloudFront.get().createInvalidation(request -> request.distributionId(distributionId).invalidationBatch(batch -> batch
                // Unique per request: CloudFront treats a repeated reference as the same request.
                .callerReference(UUID.randomUUID().toString())
                .paths(list -> list.quantity(asked.size()).items(asked))));
    }
}
