package despatch.subscription;

import despatch.render.FieldError;
import java.util.List;

/** A form or JSON body with problems a person can fix, one message per field. */
public class InvalidRequestException extends Exception {
    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " problem(s) with the request");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
