package despatch.render;

/** A problem with one form field; {@code field} is the input's id, so the error summary can link to it. */
public record FieldError(String field, String message) {
}
