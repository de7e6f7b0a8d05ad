package despatch.publish;

import java.util.Locale;

/**
 * Who must approve an upload under articles/ before anything of it is published or sent (the
 * template's {@code SendApproval}). Taking an article down ({@code unpublish: yes}) never waits.
 */
public enum SendApproval {
    /** An upload publishes and sends at once, as it always did. */
    NONE,
    /** An approver presses Approve and send in the console. */
    ONE,
    /** An approver other than the person who uploaded it. */
    TWO_PERSON;

    /** As the template spells it: none, one, two-person. */
    public static SendApproval parse(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "one" -> ONE;
            case "two-person" -> TWO_PERSON;
            default -> throw new IllegalArgumentException("SEND_APPROVAL must be none, one or two-person, not '" + setting + "'");
        };
    }

    public String setting() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
