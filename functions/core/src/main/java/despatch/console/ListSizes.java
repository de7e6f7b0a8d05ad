package despatch.console;

/** How many people are on a list now, for "who it would go to" beside a preview. */
public interface ListSizes {

    /** Active (confirmed, not suppressed) members of the list. */
    long activeMembers(String listId);
}
