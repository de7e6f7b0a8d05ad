package despatch.subscription.web;

import despatch.render.ActionView;
import despatch.render.ListChoice;
import despatch.render.MyDataFormView;
import despatch.render.SubscribeFormView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a JSON client gets where a browser gets a form or a page with one button: where to POST
 * and what to send, from the same view the page shows, so the two never disagree.
 */
final class JsonViews {
    /** A page with a button changes nothing until it is pressed, as in a browser. */
    static final String CONFIRMATION_REQUIRED = "confirmation-required";

    private JsonViews() {
    }

    static Map<String, Object> subscribeForm(SubscribeFormView form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", form.action());
        body.put("method", "POST");
        body.put("fields", List.of("email", "name", "postcode", "lists", "wording"));
        body.put("wording", form.wordingVersion());
        body.put("lists", form.lists().stream().map(JsonViews::list).toList());
        body.put("myData", form.myDataUrl());
        return body;
    }

    private static Map<String, Object> list(ListChoice list) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", list.id());
        body.put("name", list.name());
        body.put("description", list.description() == null ? "" : list.description());
        body.put("chosen", list.checked());
        return body;
    }

    static Map<String, Object> myDataForm(MyDataFormView form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", form.action());
        body.put("method", "POST");
        body.put("fields", List.of("email"));
        return body;
    }

    /** The button's effect as a request to make: POST the link's token to the action. */
    static Map<String, Object> action(ActionView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", CONFIRMATION_REQUIRED);
        body.put("title", view.title());
        body.put("detail", String.join(" ", view.paragraphs()));
        body.put("action", view.action());
        body.put("method", "POST");
        body.put("fields", List.of("token"));
        return body;
    }
}
