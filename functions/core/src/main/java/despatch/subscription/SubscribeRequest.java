package despatch.subscription;

import java.util.List;

/** A subscribe form or JSON body as sent, before any checking. */
public record SubscribeRequest(String email, String name, String postcode, List<String> lists, String wordingVersion) {
    public SubscribeRequest {
        lists = lists == null ? List.of() : List.copyOf(lists);
    }
}
