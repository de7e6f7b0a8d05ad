package despatch.site;

import java.util.List;

/**
 * The copies of the site's files that a CDN in front of the bucket keeps (CloudFront). After an
 * update, exactly the paths that changed are refreshed, in one request; a rebuild refreshes
 * everything. A path is the file's key with a leading slash, as the CDN caches it.
 */
public interface SiteCache {
    /** Every path: after a rebuild, which may change any file. */
    String EVERYTHING = "/*";

    /** No CDN in front of the bucket (locally, or a site served some other way). */
    SiteCache NONE = paths -> { };

    /** Drops the cached copies of these paths (none: nothing is asked). */
    void invalidate(List<String> paths);
}
