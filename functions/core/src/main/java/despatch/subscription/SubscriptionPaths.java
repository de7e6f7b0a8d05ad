package despatch.subscription;

/** The API's routes, as template.yaml declares them and links point at them. */
public final class SubscriptionPaths {
    public static final String SUBSCRIBE_PAGE = "/subscribe";
    public static final String SUBSCRIPTIONS = "/subscriptions";
    public static final String CONFIRM = "/confirm";
    public static final String PREFERENCES = "/preferences";
    public static final String UNSUBSCRIBE = "/unsubscribe";
    public static final String MY_DATA = "/my-data";
    public static final String EXPORT = "/my-data/export";
    public static final String ERASE = "/my-data/erase";

    private SubscriptionPaths() {
    }
}
