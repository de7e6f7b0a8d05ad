package despatch.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The fan-out queue's message: page this campaign onto the send queue, or carry on where the
 * last invocation stopped. {@code start} is set by the embargo schedule, which starts the campaign
 * first; {@code idleLooks} counts the looks in a row that found fan-out too far ahead of the workers
 * to page anything. On the wire: {@code {"campaignId": "…"}}, {@code {"campaignId": "…", "start": true}}
 * or {@code {"campaignId": "…", "idleLooks": 2}}.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record FanOutRequest(String campaignId, boolean start, int idleLooks) {
    public static final MessageCodec<FanOutRequest> CODEC = new JsonCodec<>(FanOutRequest.class, "a fan-out request");

    public FanOutRequest {
        if (campaignId == null || campaignId.isBlank()) {
            throw new IllegalArgumentException("no campaignId");
        }
        idleLooks = Math.max(0, idleLooks);
    }

    public static FanOutRequest resume(String campaignId) {
        return new FanOutRequest(campaignId, false, 0);
    }

    /** Fan-out ran a minute ahead of the workers: look again, {@code idleLooks} looks in a row having found nothing to page. */
    public static FanOutRequest lookAgain(String campaignId, int idleLooks) {
        return new FanOutRequest(campaignId, false, idleLooks);
    }

    public static FanOutRequest startAtEmbargo(String campaignId) {
        return new FanOutRequest(campaignId, true, 0);
    }
}
