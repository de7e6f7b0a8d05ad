package despatch.render;

/**
 * The version of the consent wording that the subscribe page and the site's form show (the
 * consent fragment of web/layout.html). Each sign-up records it, so bump it whenever that wording
 * changes.
 */
public final class ConsentWording {
    public static final String CURRENT = "2026-11";

    private ConsentWording() {
    }
}
