package despatch.office;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The office that publishes: who it is, where it is, which lists it runs. Built once from
 * configuration by the wiring; the core never reads the environment itself.
 *
 * @param siteBaseUrl public address of the site without a trailing slash
 * @param lists mailing lists by id, in the order the office defined them
 * @param mediaContact default media contact for press releases, or empty
 * @param subscriptionApiUrl public address of the subscription API without a trailing slash, or
 *     empty when the site serves it under its own address
 */
public record Office(
        String name,
        List<String> postalAddressLines,
        String siteBaseUrl,
        Map<String, MailingList> lists,
        String mediaContact,
        Locale language,
        ZoneId zone,
        String subscriptionApiUrl) {

    public Office {
        Objects.requireNonNull(name, "name");
        postalAddressLines = List.copyOf(postalAddressLines);
        siteBaseUrl = stripTrailingSlash(Objects.requireNonNull(siteBaseUrl, "siteBaseUrl"));
        // Keep the office's order: pages and hints list them as configured.
        lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
        mediaContact = mediaContact == null ? "" : mediaContact.strip();
        subscriptionApiUrl = subscriptionApiUrl == null ? "" : stripTrailingSlash(subscriptionApiUrl);
    }

    /** The display names of these list ids, in the office's order; unknown ids are left out. */
    public List<String> displayNames(java.util.Collection<String> ids) {
        return lists.values().stream().filter(list -> ids.contains(list.id())).map(MailingList::displayName).toList();
    }

    public String articleUrl(String slug) {
        return siteBaseUrl + "/" + SitePaths.articleDirectory(slug);
    }

    public String subscribeUrl() {
        return subscriptionApiBase() + "/subscribe";
    }

    /** Where the subscription API answers: its own address, or the site's when it serves the API itself. */
    public String subscriptionApiBase() {
        return subscriptionApiUrl.isEmpty() ? siteBaseUrl : subscriptionApiUrl;
    }

    private static String stripTrailingSlash(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
