package despatch.render;

/** A problem with one form field; {@code field} is the input's id, so the error summary can link to it. */
public record FieldError(String field, String message) {
    /** The message for one field among a form's errors, or null. */
    static String messageFor(java.util.List<FieldError> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }
}
