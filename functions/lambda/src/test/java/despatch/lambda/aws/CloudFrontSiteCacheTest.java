package despatch.lambda.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import despatch.local.stack.CloudFrontEmulator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Invalidations through the SDK's CloudFront client, signed, to the local stack's CloudFront
 * (CreateInvalidation over its REST-XML protocol): the paths asked, in one request; more than
 * CloudFront takes in one, everything; none, no request.
 */
class CloudFrontSiteCacheTest {
    private final CloudFrontSiteCache cache = new CloudFrontSiteCache(() -> TestStack.get().cloudFront(), "E2EXAMPLEDIST");

    private List<CloudFrontEmulator.Invalidation> sent() {
        return TestStack.get().cdnInvalidations();
    }

    @Test
    void thePathsOfOneUpdateGoInOneRequest() {
        int before = sent().size();
        cache.invalidate(List.of("/index.html", "/articles/bus-route/index.html", "/feeds/all.xml"));
        cache.invalidate(List.of());
        List<CloudFrontEmulator.Invalidation> after = sent().subList(before, sent().size());
        assertEquals(1, after.size(), "one request, and none for no paths");
        assertEquals("E2EXAMPLEDIST", after.getFirst().distributionId());
        assertEquals(List.of("/index.html", "/articles/bus-route/index.html", "/feeds/all.xml"), after.getFirst().paths());
    }

    @Test
    void pathsCloudFrontTurnsAwayAreAskedForAsEverything() {
        int before = sent().size();
        cache.invalidate(List.of("/index.html", "feeds/all.xml"));
        List<CloudFrontEmulator.Invalidation> after = sent().subList(before, sent().size());
        assertEquals(List.of(List.of("/*")), after.stream().map(CloudFrontEmulator.Invalidation::paths).toList(),
                "a path CloudFront refuses (no leading slash): everything instead, in one request that it takes");
    }

    @Test
    void moreThanCloudFrontTakesInOneRequestIsEverything() {
        int before = sent().size();
        cache.invalidate(IntStream.range(0, CloudFrontSiteCache.MAX_PATHS + 1).mapToObj(i -> "/articles/a" + i + "/index.html").toList());
        assertEquals(List.of("/*"), sent().get(before).paths());
    }
}
