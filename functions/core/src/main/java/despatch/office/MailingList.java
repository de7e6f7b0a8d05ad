package despatch.office;

/** A list constituents can join; the id appears in front matter, the display name on pages. */
public record MailingList(String id, String displayName) {
}
