package despatch.messages;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The fan-out queue's message: page this campaign onto the send queue, or carry on where the
 * last invocation stopped. {@code start} is set by the embargo schedule, which starts the campaign
 * first. On the wire: {@code {"campaignId": "…"}} or {@code {"campaignId": "…", "start": true}}.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record FanOutRequest(String campaignId, boolean start) {
    public static final MessageCodec<FanOutRequest> CODEC = new JsonCodec<>(FanOutRequest.class, "a fan-out request");

    public FanOutRequest {
        if (campaignId == null || campaignId.isBlank()) {
            throw new IllegalArgumentException("no campaignId");
        }
    }

    public static FanOutRequest resume(String campaignId) {
        return new FanOutRequest(campaignId, false);
    }

    public static FanOutRequest startAtEmbargo(String campaignId) {
        return new FanOutRequest(campaignId, true);
    }
}
