package despatch.render;

import java.util.List;

/**
 * The office behind the site and the emails, as the templates show it.
 *
 * @param card the office's default card (templates/site/social-card.png), which a shared link to a
 *     page without a photograph of its own shows
 */
public record OfficeView(
        String name,
        List<String> postalAddressLines,
        String siteUrl,
        String subscribeUrl,
        String language,
        ImageView card) {

    public static OfficeView of(despatch.office.Office office) {
        return new OfficeView(office.name(), office.postalAddressLines(), office.siteBaseUrl(), office.subscribeUrl(),
                office.language().toLanguageTag(), ImageView.officeCard(office));
    }
}
