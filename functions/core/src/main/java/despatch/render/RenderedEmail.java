package despatch.render;

/** A transactional email, both parts rendered. */
public record RenderedEmail(String subject, String html, String text) {
}
