package despatch.render;

import java.util.List;

/** The office behind the site and the emails, as the templates show it. */
public record OfficeView(
        String name,
        List<String> postalAddressLines,
        String siteUrl,
        String subscribeUrl,
        String language) {

    public static OfficeView of(despatch.office.Office office) {
        return new OfficeView(office.name(), office.postalAddressLines(), office.siteBaseUrl(), office.subscribeUrl(),
                office.language().toLanguageTag());
    }
}
