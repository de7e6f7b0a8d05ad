package despatch.site;

import java.util.Collection;
import java.util.Map;

/** The bucket the public site is served from. */
public interface SiteBucket {
    /** Every object's key with its fingerprint ({@link SiteObject#fingerprint()}), by listing, not reading. */
    Map<String, String> fingerprints();

    void put(SiteObject object);

    void delete(Collection<String> keys);
}
