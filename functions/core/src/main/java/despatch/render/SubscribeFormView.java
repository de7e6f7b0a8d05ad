package despatch.render;

import java.util.List;

/**
 * The subscribe form, empty or filled in again after a problem.
 *
 * @param action where the form posts (the API's /subscriptions)
 * @param wordingVersion sent back as a hidden field, so the consent record names the text the person saw
 * @param myDataUrl where a person can ask for a copy of their data, or its erasure
 */
public record SubscribeFormView(String action, List<ListChoice> lists, String email, String name, String postcode,
        String wordingVersion, List<FieldError> errors, String myDataUrl) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The message for one field, or null. */
    public String errorFor(String field) {
        return FieldError.messageFor(errors, field);
    }
}
