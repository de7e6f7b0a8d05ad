package despatch.render;

import despatch.office.Office;
import despatch.office.SitePaths;
import java.util.List;

/**
 * What every public page shows around its content: the navigation and the subscribe form.
 *
 * @param subscribeAction where the form posts (the subscription API's POST /subscriptions)
 * @param wordingVersion the consent wording the form shows, recorded with each sign-up
 * @param lists one unticked checkbox per list (consent is never pre-ticked); empty when the office
 *     runs one list, which the API then assumes
 */
public record SiteChrome(
        String homeUrl,
        String pressReleasesUrl,
        String newslettersUrl,
        String archiveUrl,
        String feedUrl,
        String subscribeAction,
        String myDataUrl,
        String wordingVersion,
        List<ListChoice> lists) {

    public SiteChrome {
        lists = List.copyOf(lists);
    }

    public static SiteChrome of(Office office) {
        String site = office.siteBaseUrl() + "/";
        String api = office.subscriptionApiBase();
        List<ListChoice> choices = office.lists().size() < 2 ? List.of() : office.lists().values().stream()
                .map(list -> new ListChoice(list.id(), list.displayName(), list.description(), false)).toList();
        return new SiteChrome(site, site + SitePaths.PRESS_RELEASES, site + SitePaths.NEWSLETTERS, site + SitePaths.ARCHIVE,
                site + SitePaths.feed("all", true), api + "/subscriptions", api + "/my-data",
                ConsentWording.CURRENT, choices);
    }
}
