package despatch.console;

/** What a member of staff did, as the audit trail names it. */
public enum AuditAction {
    SIGN_IN, SIGN_OUT,
    UPLOAD, SUBMIT, APPROVE, TEST_SEND,
    START, CANCEL, RESEND_UNKNOWN,
    LOOK_UP, EXPORT, IMPORT, READ_SUPPRESSIONS,
    REBUILD
}
