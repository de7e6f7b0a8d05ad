package despatch.render;

import java.util.List;

/** The form where a person asks for a link to see, export or erase their data. */
public record MyDataFormView(String action, String email, List<FieldError> errors) {
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public String errorFor(String field) {
        return FieldError.messageFor(errors, field);
    }
}
