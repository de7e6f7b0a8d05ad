package despatch.render;

/** One list as a checkbox on the subscribe and preferences pages. */
public record ListChoice(String id, String name, String description, boolean checked) {
}
