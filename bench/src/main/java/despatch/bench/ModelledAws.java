package despatch.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * AWS as a Lambda function in the same region meets it, laid over the local emulators (which answer
 * in a millisecond or two): each request waits a round trip drawn from a log-normal distribution for
 * its service before it is sent. The SES account is modelled too: GetAccount reports its rate, its
 * daily quota and what it accepted in the last 24 hours (by the stack's clock, which the bench moves
 * on a day at a time), and SES refuses a SendEmail beyond the rate ("Maximum sending rate
 * exceeded", HTTP 429, with a second's worth of burst) or beyond the daily quota ("Daily message
 * quota exceeded"), as SES does.
 *
 * <p>The round trips, median and 99th percentile, and where they come from:
 * <ul>
 * <li>DynamoDB GetItem, PutItem, UpdateItem: 5 ms and 20 ms. AWS gives single-digit milliseconds
 *     as the average for these ("DynamoDB high latency", AWS Knowledge Center), measured inside
 *     the service; the network and the SDK add a millisecond or two in-region.</li>
 * <li>Other DynamoDB calls (Query, BatchWriteItem, BatchGetItem): 10 ms and 40 ms.</li>
 * <li>SES SendEmail: 40 ms and 200 ms. AWS publishes no figure ("each call to Amazon SES takes time
 *     to complete", Increasing throughput with Amazon SES) and advises many threads for this
 *     reason; this is an assumption, on the slow side of public in-region measurements, and the
 *     bench prints the medians it drew.</li>
 * <li>SQS SendMessage and S3 GetObject: 15 ms and 60 ms.</li>
 * </ul>
 */
final class ModelledAws implements ExecutionInterceptor {
    private static final double Z99 = 2.326;
    private static final Map<String, double[]> ROUND_TRIPS = Map.of(
            "DynamoDb:GetItem", new double[] {5, 20}, "DynamoDb:PutItem", new double[] {5, 20}, "DynamoDb:UpdateItem", new double[] {5, 20},
            "DynamoDb", new double[] {10, 40}, "SesV2:SendEmail", new double[] {40, 200}, "SesV2", new double[] {40, 200},
            "Sqs", new double[] {15, 60}, "S3", new double[] {15, 60});

    private final double quota;
    private final double daily;
    private final Clock clock;
    /** By the stack's clock: what SES counts against the daily quota. */
    private final ArrayDeque<Instant> acceptedToday = new ArrayDeque<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private double tokens;
    private long lastRefill = System.nanoTime();
    final LongAdder throttled = new LongAdder();
    /** When each SendEmail SES accepted was let through, in nanoseconds. */
    final ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();

    /**
     * @param quota SES's maximum send rate, emails a second
     * @param daily SES's quota for any 24 hours; -1 for none
     * @param clock the stack's clock, for the 24 hours
     */
    ModelledAws(double quota, double daily, Clock clock) {
        this.quota = quota;
        this.tokens = quota;
        this.daily = daily;
        this.clock = clock;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        double[] roundTrip = ROUND_TRIPS.getOrDefault(service + ":" + operation, ROUND_TRIPS.getOrDefault(service, new double[] {10, 40}));
        sleep(draw(roundTrip[0], roundTrip[1]));
        if ("SesV2".equals(service) && "SendEmail".equals(operation)) {
            switch (admit()) {
                case OVER_DAILY_QUOTA -> {
                    refusedForTheDay.increment();
                    throw refused("Daily message quota exceeded.");
                }
                case OVER_RATE -> {
                    throttled.increment();
                    throw refused("Maximum sending rate exceeded.");
                }
                case ACCEPTED -> accepted.add(System.nanoTime());
            }
        }
    }

    final LongAdder refusedForTheDay = new LongAdder();

    private static TooManyRequestsException refused(String why) {
        return (TooManyRequestsException) TooManyRequestsException.builder().statusCode(429).message(why)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").errorMessage(why).build()).build();
    }

    private enum Admission { ACCEPTED, OVER_RATE, OVER_DAILY_QUOTA }

    /** One SendEmail against both quotas at once; only an accepted one counts against the 24 hours, as at SES. */
    private synchronized Admission admit() {
        if (daily >= 0 && sentLast24Hours() >= daily) {
            return Admission.OVER_DAILY_QUOTA;
        }
        if (!take()) {
            return Admission.OVER_RATE;
        }
        acceptedToday.addLast(clock.instant());
        return Admission.ACCEPTED;
    }

    private synchronized long sentLast24Hours() {
        Instant dayAgo = clock.instant().minus(Duration.ofHours(24));
        while (!acceptedToday.isEmpty() && !acceptedToday.peekFirst().isAfter(dayAgo)) {
            acceptedToday.pollFirst();
        }
        return acceptedToday.size();
    }

    /** GetAccount as this account's SES would answer it. */
    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof GetAccountResponse account) {
            return account.toBuilder().sendQuota(sendQuota -> sendQuota.maxSendRate(quota).max24HourSend(daily)
                    .sentLast24Hours((double) sentLast24Hours())).build();
        }
        return context.response();
    }

    /** A token bucket refilled at the quota, holding at most a second's worth. */
    private synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(quota, tokens + (now - lastRefill) / 1e9 * quota);
        lastRefill = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private synchronized double draw(double medianMs, double p99Ms) {
        double sigma = Math.log(p99Ms / medianMs) / Z99;
        return medianMs * Math.exp(sigma * gaussian());
    }

    private double gaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 21.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static void sleep(double millis) {
        try {
            Thread.sleep(Duration.ofNanos((long) (millis * 1e6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    double quota() {
        return quota;
    }

    double daily() {
        return daily;
    }

    /** Emails SES accepted a second while sending: from the first accepted to the last. */
    double achievedRate() {
        long first = accepted.stream().mapToLong(Long::longValue).min().orElse(0);
        long last = accepted.stream().mapToLong(Long::longValue).max().orElse(0);
        return accepted.size() < 2 ? 0 : (accepted.size() - 1) / ((last - first) / 1e9);
    }

    /** Emails SES accepted in each stretch of {@code seconds} from the first, to show where the time went. */
    java.util.List<Integer> acceptedPer(int seconds) {
        long[] times = accepted.stream().mapToLong(Long::longValue).sorted().toArray();
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        for (long time : times) {
            int index = (int) ((time - times[0]) / (seconds * 1_000_000_000L));
            while (counts.size() <= index) {
                counts.add(0);
            }
            counts.set(index, counts.get(index) + 1);
        }
        return counts;
    }

    /** The most SES accepted in any one second (a sliding window): never above the quota plus its burst. */
    int busiestSecond() {
        long[] times = accepted.stream().mapToLong(Long::longValue).sorted().toArray();
        int most = 0;
        int from = 0;
        for (int to = 0; to < times.length; to++) {
            while (times[to] - times[from] >= 1_000_000_000L) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
