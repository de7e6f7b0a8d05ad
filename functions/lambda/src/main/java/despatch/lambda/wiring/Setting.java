package despatch.lambda.wiring;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every environment variable Despatch reads, in one place. The wiring reads nothing else, the
 * template test checks template.yaml against this list, and the README's settings table mirrors it.
 */
public enum Setting {
    UPLOADS_BUCKET("Bucket that receives uploads; articles arrive under articles/", null,
            Function.PublishFunction, Function.PreviewFunction),
    SITE_BUCKET("Bucket that holds the public web site", null, Function.PublishFunction),
    ARTICLES_TABLE("DynamoDB table of article records", null, Function.PublishFunction),
    SITE_BASE_URL("Public address of the site, e.g. https://news.example.org.uk", null,
            Function.PublishFunction, Function.PreviewFunction),
    OFFICE_NAME("Name shown as the sender and in footers, e.g. Office of Jane Smith MP", null,
            Function.PublishFunction, Function.PreviewFunction),
    OFFICE_POSTAL_ADDRESS("Postal address for email footers; lines separated by |", null,
            Function.PublishFunction, Function.PreviewFunction),
    LISTS("Mailing lists, id=Display name, separated by commas", null,
            Function.PublishFunction, Function.PreviewFunction),
    MEDIA_CONTACT("Media contact printed on press releases that do not name one", ""),
    SITE_LANGUAGE("BCP 47 language of the site and emails", "en-GB"),
    TIME_ZONE("Zone in which dates and embargoes are shown", "Europe/London"),
    S3_FORCE_PATH_STYLE("true only for local S3 emulators that need path-style addressing", "false");

    /** The SAM functions, by logical id in template.yaml. */
    public enum Function { PublishFunction, PreviewFunction }

    private final String description;
    private final String defaultValue;
    private final Set<Function> requiredBy;

    Setting(String description, String defaultValue, Function... requiredBy) {
        this.description = description;
        this.defaultValue = defaultValue;
        this.requiredBy = requiredBy.length == 0 ? EnumSet.noneOf(Function.class) : EnumSet.of(requiredBy[0], requiredBy);
    }

    public String description() {
        return description;
    }

    /** The value used when the variable is unset, or null when the functions in {@link #requiredBy()} need it. */
    public String defaultValue() {
        return defaultValue;
    }

    public Set<Function> requiredBy() {
        return requiredBy;
    }
}
