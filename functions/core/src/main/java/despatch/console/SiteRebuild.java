package despatch.console;

/** Asks for the whole public site to be derived again from the article records (after a change of design or settings). */
@FunctionalInterface
public interface SiteRebuild {
    void request();
}
