package despatch.office;

/**
 * A list constituents can join; the id appears in front matter, the display name and the
 * description on the subscribe and preferences pages.
 */
public record MailingList(String id, String displayName, String description) {
    public MailingList {
        description = description == null ? "" : description.strip();
    }
}
