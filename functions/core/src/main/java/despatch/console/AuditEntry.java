package despatch.console;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who did what to which record, and when.
 *
 * @param at         when it was done
 * @param actor      the provider's subject of the member of staff (stable across a name or address change)
 * @param actorName  their name as it was then, for people reading the trail
 * @param action     what they did
 * @param target     which record, by its id or slug (an article, a campaign, a list, a subscriber's
 *                   id): never a constituent's address, so the trail holds no more personal data
 *                   than it must
 */
public record AuditEntry(Instant at, String actor, String actorName, AuditAction action, String target) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        actorName = actorName == null ? "" : actorName;
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
    }

    /** What a signed-in member of staff did just now. */
    public static AuditEntry by(StaffIdentity who, Instant at, AuditAction action, String target) {
        return new AuditEntry(at, who.subject(), who.name(), action, target);
    }
}
