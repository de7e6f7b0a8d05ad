package despatch.common;

/**
 * Placeholders left in the rendered email for the sender to fill per recipient, so that a
 * campaign renders the Thymeleaf templates once rather than once per subscriber.
 */
public final class Personalisation {
    public static final String UNSUBSCRIBE_URL = "{{unsubscribe_url}}";

    private Personalisation() {
    }
}
