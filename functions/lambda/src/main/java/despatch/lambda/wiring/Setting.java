package despatch.lambda.wiring;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every environment variable Despatch reads, in one place. The wiring reads nothing else, the
 * template test checks template.yaml against this list, and docs/settings.md mirrors it in one table.
 */
public enum Setting {
    UPLOADS_BUCKET("Bucket that receives uploads; articles arrive under articles/, subscriber imports under imports/", null,
            Function.PublishFunction, Function.SiteFunction, Function.PreviewFunction, Function.ImportFunction, Function.FanOutFunction, Function.SendFunction, Function.ConsoleFunction),
    SITE_BUCKET("Bucket that holds the public web site", null, Function.PublishFunction, Function.FanOutFunction, Function.SiteFunction, Function.ConsoleFunction),
    ARTICLES_TABLE("DynamoDB table of article records", null, Function.PublishFunction, Function.FanOutFunction, Function.SiteFunction, Function.ConsoleFunction),
    SITE_DISTRIBUTION_ID("The CloudFront distribution in front of the site bucket, whose copies each site update refreshes; unset: none", ""),
    SITE_QUEUE_URL("FIFO queue of site changes that SiteFunction applies to listings, feeds and the sitemap", null,
            Function.PublishFunction, Function.FanOutFunction, Function.ConsoleFunction),
    SUBSCRIBERS_TABLE("DynamoDB table of subscribers, list memberships, suppressions and daily limits", null,
            Function.SubscriptionFunction, Function.SubscriberMailFunction, Function.ImportFunction, Function.FanOutFunction, Function.SendFunction, Function.FeedbackFunction, Function.ConsoleFunction),
    CAMPAIGNS_TABLE("DynamoDB table of campaigns and their delivery records", null,
            Function.PublishFunction, Function.FanOutFunction, Function.SendFunction, Function.ConsoleFunction, Function.FeedbackFunction),
    FAN_OUT_QUEUE_ARN("The fan-out queue's ARN, the target of embargo schedules and of fan-outs waiting for the daily quota", null,
            Function.PublishFunction, Function.FanOutFunction),
    SCHEDULER_ROLE_ARN("Role EventBridge Scheduler assumes to put a start request on the fan-out queue", null,
            Function.PublishFunction, Function.FanOutFunction),
    SCHEDULE_NAME_PREFIX("Prefix of this stack's schedules (the stack name)", null, Function.PublishFunction, Function.FanOutFunction),
    START_TOLERANCE_MINUTES("How late a scheduled campaign may still start by itself; later, it is held for staff", "30"),
    SUBSCRIBER_MAIL_QUEUE_URL("SQS queue of subscribe and data-link requests from the public forms, which SubscriberMailFunction carries out", null,
            Function.SubscriptionFunction),
    SEND_QUEUE_URL("SQS queue of recipient batches that SendFunction consumes", null, Function.FanOutFunction, Function.SendFunction, Function.ConsoleFunction),
    FAN_OUT_QUEUE_URL("SQS queue of campaigns to fan out (or to continue fanning out)", null,
            Function.PublishFunction, Function.FanOutFunction, Function.ConsoleFunction),
    SITE_BASE_URL("Public address of the site, e.g. https://news.example.org.uk", null,
            Function.PublishFunction, Function.PreviewFunction, Function.SubscriptionFunction, Function.SubscriberMailFunction, Function.ImportFunction, Function.FanOutFunction, Function.SendFunction, Function.FeedbackFunction, Function.SiteFunction, Function.ConsoleFunction),
    PUBLIC_API_URL("Public address of the subscription API; unset for the API itself means the address each request arrived at", null,
            Function.ImportFunction, Function.SendFunction),
    OFFICE_NAME("Name shown as the sender and in footers, e.g. Office of Jane Smith MP", null,
            Function.PublishFunction, Function.PreviewFunction, Function.SubscriptionFunction, Function.SubscriberMailFunction, Function.ImportFunction, Function.FanOutFunction, Function.SendFunction, Function.FeedbackFunction, Function.SiteFunction, Function.ConsoleFunction),
    OFFICE_POSTAL_ADDRESS("Postal address for email footers; lines separated by |", null,
            Function.PublishFunction, Function.PreviewFunction, Function.SubscriptionFunction, Function.SubscriberMailFunction, Function.ImportFunction, Function.FanOutFunction, Function.SendFunction, Function.FeedbackFunction, Function.SiteFunction, Function.ConsoleFunction),
    LISTS("Mailing lists: id=Display name|Description, separated by semicolons", null,
            Function.PublishFunction, Function.PreviewFunction, Function.SubscriptionFunction, Function.SubscriberMailFunction, Function.ImportFunction, Function.FanOutFunction, Function.SendFunction, Function.FeedbackFunction, Function.SiteFunction, Function.ConsoleFunction),
    MEDIA_CONTACT("Media contact printed on press releases that do not name one", ""),
    SITE_LANGUAGE("BCP 47 language of the site and emails", "en-GB"),
    TIME_ZONE("Zone in which dates and embargoes are shown", "Europe/London"),
    SENDER_ADDRESS("Address mail is sent from; a verified SES identity", null,
            Function.SubscriptionFunction, Function.SubscriberMailFunction, Function.ImportFunction, Function.SendFunction, Function.ConsoleFunction),
    STAFF_ADDRESSES("Staff addresses that get test sends, separated by commas", ""),
    UNSUBSCRIBE_MAILBOX("Address for mailto: unsubscribes in the List-Unsubscribe header; blank for none", ""),
    SES_CONFIGURATION_SET("SES configuration set for sending events; blank for none", ""),
    SIGNING_SECRET_ARN("Secrets Manager secret that signs links in emails (generated at deploy, never in the template)", null,
            Function.SubscriptionFunction, Function.SubscriberMailFunction, Function.ImportFunction, Function.SendFunction),
    MAILS_PER_ADDRESS_PER_DAY("Confirmation and link emails one address can be sent per day", "3"),
    REQUESTS_PER_NETWORK_PER_DAY("Subscribe and data requests one client IP address can make per day", "50"),
    SEND_RATE_CAP("At most this many campaign emails a second, below what SES allows the account (read from SES), to leave room for other mail; 0 for all SES allows", "0"),
    SEND_WORKERS("How many SendFunction workers run at once: the SQS event source's MaximumConcurrency in template.yaml", "2"),
    SEND_RETRY_FIRST_DELAY_SECONDS("Wait before throttled recipients are tried again; it doubles each time", "15"),
    SEND_RETRY_LONGEST_DELAY_SECONDS("The longest wait between tries, and a paused campaign's wait (SQS allows 900 at most)", "900"),
    TRACKING("true to count deliveries, opens and clicks per campaign (off: see docs/sending.md, Tracking)", "false"),
    SOFT_BOUNCES_BEFORE_SUPPRESSION("Soft bounces (mailbox full, server busy) after which an address is suppressed", "3"),
    IMPORT_MAILS_PER_SECOND("Most confirmation emails an import sends per second; keep it under the SES sending quota", "10"),
    SEND_APPROVAL("Who approves an upload before it is published or sent: none, one (an approver) or two-person (an approver other than its uploader)",
            "none"),
    APPROVALS_TABLE("DynamoDB table of uploads waiting for approval and the approvals given", null, Function.PublishFunction,
            Function.ConsoleFunction),
    AUDIT_TABLE("DynamoDB table of the console's audit trail: who did what, entries added and never changed", null,
            Function.ConsoleFunction),
    OIDC_ISSUER("Issuer of the OpenID provider staff sign in with: the Cognito user pool's, https://cognito-idp.<region>.amazonaws.com/<pool id>", null,
            Function.ConsoleFunction),
    OIDC_SIGN_OUT_URL("The provider's sign-out address when its discovery document names none (Cognito's /logout on the pool's domain); blank for none", ""),
    CONSOLE_CLIENT_SECRET_ID("Secrets Manager secret, by name, holding the console's app client id and secret as JSON (clientId, clientSecret)", null,
            Function.ConsoleFunction),
    CONSOLE_SESSION_SECRET_ARN("Secrets Manager secret that seals staff session cookies (generated at deploy)", null, Function.ConsoleFunction),
    S3_FORCE_PATH_STYLE("true only for local S3 emulators that need path-style addressing", "false");

    /** The SAM functions, by logical id in template.yaml. */
    public enum Function { PublishFunction, PreviewFunction, SubscriptionFunction, ImportFunction, FanOutFunction, SendFunction, FeedbackFunction, SiteFunction, SubscriberMailFunction, ConsoleFunction,
        StackNameCheckFunction }

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
