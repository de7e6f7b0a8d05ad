package despatch.lambda.aws;

import despatch.messages.FanOutRequest;
import despatch.sending.CampaignScheduler;
import despatch.common.Hashes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/**
 * A one-time EventBridge Scheduler schedule per embargoed campaign: at the embargo it puts
 * {@code {"campaignId": …, "start": true}} on the fan-out queue, then deletes itself. A campaign
 * waiting for the daily quota gets one the same way, whose request goes on with its fan-out. Creating it
 * twice (a retried publish) finds the first and changes nothing. A moved embargo gets a schedule of
 * its own; the old one still fires and finds the campaign not yet due.
 */
public final class EventBridgeCampaignScheduler implements CampaignScheduler {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SchedulerClient scheduler;
    private final String namePrefix;
    private final String fanOutQueueArn;
    private final String roleArn;

    /** @param namePrefix the stack's name, so schedules are recognisably this stack's (and its policy can name them) */
    public EventBridgeCampaignScheduler(SchedulerClient scheduler, String namePrefix, String fanOutQueueArn, String roleArn) {
        this.scheduler = scheduler;
        this.namePrefix = namePrefix;
        this.fanOutQueueArn = fanOutQueueArn;
        this.roleArn = roleArn;
    }

    @Override
    public void scheduleStart(String campaignId, Instant at) {
        schedule(name(campaignId, roundUpToSecond(at)), at, "Start campaign " + campaignId + " at its embargo",
                FanOutRequest.startAtEmbargo(campaignId));
    }

    @Override
    public void scheduleFanOut(String campaignId, Instant at) {
        schedule(name("q-" + campaignId, roundUpToSecond(at)), at,
                "Go on sending campaign " + campaignId + " once SES's daily quota frees up", FanOutRequest.resume(campaignId));
    }

    private void schedule(String name, Instant at, String description, FanOutRequest request) {
        try {
            scheduler.createSchedule(create -> create
                    .name(name)
                    // Scheduler runs to the minute at best; rounding up never starts an embargo early.
                    .scheduleExpression("at(" + AT.format(roundUpToSecond(at)) + ")")
                    .scheduleExpressionTimezone("UTC")
                    .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE)
                    .description(description)
                    .target(target -> target.arn(fanOutQueueArn).roleArn(roleArn)
                            .input(FanOutRequest.CODEC.write(request))));
        } catch (ConflictException alreadyScheduled) {
            // A retried publish or fan-out: the schedule from the first attempt stands.
        }
    }

    /**
     * One name per campaign and time: a retried publish finds its schedule, an embargo a correction
     * moved gets a new one. Names allow 64 characters of [0-9a-zA-Z-_.]; a slug can be longer, so
     * long ones are shortened with a hash.
     */
    String name(String campaignId, Instant at) {
        String name = namePrefix + "-" + campaignId.replaceAll("[^0-9A-Za-z_.-]", "-") + "-" + at.getEpochSecond();
        if (name.length() <= 64) {
            return name;
        }
        return name.substring(0, 47) + "-" + Hashes.sha256(name).substring(0, 16);
    }

    private static Instant roundUpToSecond(Instant at) {
        Instant truncated = at.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(at) ? at : truncated.plusSeconds(1);
    }
}
