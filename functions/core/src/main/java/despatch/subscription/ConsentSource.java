package despatch.subscription;

/** Where a subscription change came from. */
public enum ConsentSource {
    FORM, EMAIL_LINK, IMPORT, ONE_CLICK,
    /** A bounce or complaint reported by the mail provider. */
    MAIL_FEEDBACK
}
