package despatch.subscription;

/** The result of checking a link's token: only {@link Valid} may lead to a change. */
public sealed interface TokenCheck {
    /** @param subscriberId whose link it is */
    record Valid(String subscriberId) implements TokenCheck {
    }

    /** Altered, truncated, signed with another key, or for another purpose. */
    record Invalid() implements TokenCheck {
    }

    record Expired() implements TokenCheck {
    }
}
