package despatch.console;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A form that sends one file from the browser straight to the uploads bucket (S3's browser-based
 * upload, a "presigned POST"): the file never passes through the console, and the bucket itself
 * refuses a form that was changed, sent to another key, too large, or sent after it expired.
 *
 * @param action where the form posts (the bucket's address)
 * @param fields the hidden fields, in order; the file field must come after them
 * @param fileField the name the file's input must have
 */
public record UploadForm(URI action, List<Field> fields, String fileField) {

    public UploadForm {
        Objects.requireNonNull(action, "action");
        fields = List.copyOf(fields);
    }

    public record Field(String name, String value) {
    }

    /** The form's origin, which a page's {@code form-action} must allow. */
    public String origin() {
        return action.getScheme() + "://" + action.getRawAuthority();
    }
}
