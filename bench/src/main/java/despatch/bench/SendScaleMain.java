package despatch.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import despatch.lambda.FanOutHandler;
import despatch.lambda.PublishHandler;
import despatch.lambda.SendHandler;
import despatch.lambda.aws.DynamoDbCampaignStore;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.lambda.wiring.Setting;
import despatch.local.S3EventFactory;
import despatch.local.queue.EventSourceMapping;
import despatch.local.queue.SqsEventSource;
import despatch.local.stack.CapturedEmail;
import despatch.local.stack.LocalAwsStack;
import despatch.local.stack.SesAccountQuota;
import despatch.sending.QuotaWait;
import despatch.local.stack.ProjectRoot;
import despatch.sending.Campaign;
import despatch.sending.CampaignStatus;
import despatch.subscription.Subscriber;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One campaign to N subscribers through the real sending path on a fresh in-memory local stack:
 * PublishHandler on the S3 event for an article with {@code lists: [newsletter]}, then
 * FanOutFunction's and SendFunction's queues drained by local event source mappings as Lambda
 * would consume them. Every client the handlers use counts its requests, per function and service.
 * Fails unless every subscriber got exactly one email and the campaign ended SENT with N sent.
 * Prints wall time, requests per operation and per 1,000 recipients, DynamoDB units, SQS messages,
 * and the cost of it all per 10,000 emails beyond SES's own price ({@link SendCostModel}).
 *
 * <p>Usage: {@code SendScaleMain [N] [--paced] [--quota=Q] [--daily=D]}; N defaults to 10,000. Without
 * --paced, the local SES reports a rate out of reach so the run measures the work, not the wait for
 * SES's quota; the cost model adds that wait back as a floor. With --paced it reports a new
 * production account's 14 a second; with --quota=Q, {@link ModelledAws} models an account allowing
 * Q a second, and with --daily=D also D in any 24 hours: the campaign then waits for the quota, and
 * the bench moves the stack's clock on to each time fan-out said it would go on. With
 * --workers-running=W, only W of SendFunction's workers run (each still at its share of the rate):
 * in AWS each worker has a CPU of its own, where here they all share this machine's.
 */
public final class SendScaleMain {
    private static final int DEFAULT_RECIPIENTS = 10_000;
    private static final String SLUG = "winter-newsletter-bench";
    /** What the local SES reports without --paced: a rate out of reach, no daily quota. */
    private static final SesAccountQuota UNPACED = new SesAccountQuota(1_000_000, -1);
    private static final Duration FAN_OUT_TIMEOUT = Duration.ofMinutes(15);

    private final LocalAwsStack stack;
    private final PrintStream console;
    /** AWS's round trips and SES's quota laid over the emulators ({@code --quota=N}); null for the emulators as they are. */
    private final ModelledAws aws;
    /** How many of SendFunction's workers run here; 0 for as many as the template allows. */
    private final int workersRunning;

    private SendScaleMain(LocalAwsStack stack, PrintStream console, ModelledAws aws, int workersRunning) {
        this.stack = stack;
        this.console = console;
        this.aws = aws;
        this.workersRunning = workersRunning;
    }

    public static void main(String[] args) throws Exception {
        int recipients = DEFAULT_RECIPIENTS;
        boolean paced = false;
        Double quota = null;
        double daily = -1;
        int workersRunning = 0;
        for (String arg : args) {
            if (arg.equals("--paced")) {
                paced = true;
            } else if (arg.startsWith("--quota=")) {
                quota = Double.parseDouble(arg.substring("--quota=".length()));
                paced = true;
            } else if (arg.startsWith("--workers-running=")) {
                workersRunning = count(arg.substring("--workers-running=".length()));
            } else if (arg.startsWith("--daily=")) {
                daily = count(arg.substring("--daily=".length()));
            } else {
                recipients = count(arg);
            }
        }
        PrintStream console = System.out;
        printMachine(console, recipients, paced);
        if (daily >= 0 && quota == null) {
            throw new IllegalArgumentException("--daily=D models the SES account: give its rate too, with --quota=Q");
        }
        try (LocalAwsStack stack = LocalAwsStack.builder().sesQuota(paced ? SesAccountQuota.NEW_PRODUCTION_ACCOUNT : UNPACED).start()) {
            console.printf(Locale.ROOT, "stack:    fresh, in memory, started in %.1f s%n", stack.startupTime().toMillis() / 1000.0);
            if (quota != null) {
                console.printf(Locale.ROOT, "model:    AWS round trips laid over the emulators (ModelledAws: DynamoDB 5 ms median, SES SendEmail"
                        + " 40 ms, SQS and S3 15 ms); SES's GetAccount reports %.0f emails a second and %s a day, and SES refuses"
                        + " what goes beyond either%n", quota, daily < 0 ? "no limit" : String.format(Locale.ROOT, "%,.0f", daily));
            }
            new SendScaleMain(stack, console, quota == null ? null : new ModelledAws(quota, daily, stack.clock()), workersRunning)
                    .run(recipients, paced);
        }
        // The emulators are stopped; SDK and ElasticMQ threads must not hold the JVM.
        System.exit(0);
    }

    private void run(int recipients, boolean paced) {
        List<Subscriber> people = SampleSubscribers.generate(recipients);
        long setup = System.nanoTime();
        new DynamoDbSubscriberStore(stack.dynamoDb(), env(Setting.Function.SendFunction, Setting.SUBSCRIBERS_TABLE)).createAll(people);
        console.printf(Locale.ROOT, "setup:    %,d active subscribers on '%s' written with createAll in %.1f s (not counted)%n",
                recipients, SampleSubscribers.LIST, (System.nanoTime() - setup) / 1e9);

        // Handlers log JSON lines to System.out, fixed when they are built: count those bytes, do not show them.
        LongAdder logBytes = new LongAdder();
        System.setOut(new PrintStream(new CountingSink(logBytes), true, StandardCharsets.UTF_8));
        Map<Setting.Function, CountedClients> clients = new HashMap<>();
        ServiceRequestCounter pollerCounter = new ServiceRequestCounter("SQS (Lambda's pollers)");
        try (SqsClient pollerSqs = CountedClients.sqs(stack, pollerCounter)) {
            for (Setting.Function function : List.of(Setting.Function.PublishFunction, Setting.Function.FanOutFunction,
                    Setting.Function.SendFunction)) {
                // Publishing is not what is measured here: only the functions on the sending path meet modelled AWS.
                clients.put(function, new CountedClients(stack, function, function == Setting.Function.PublishFunction ? null : aws));
            }
            measure(recipients, paced, people, clients, pollerSqs, pollerCounter, logBytes);
        } finally {
            System.setOut(console);
            clients.values().forEach(CountedClients::close);
        }
    }

    private void measure(int recipients, boolean paced, List<Subscriber> people, Map<Setting.Function, CountedClients> clients,
            SqsClient pollerSqs, ServiceRequestCounter pollerCounter, LongAdder logBytes) {
        HandlerTimer publishTimer = new HandlerTimer("PublishFunction");
        HandlerTimer fanOutTimer = new HandlerTimer("FanOutFunction");
        HandlerTimer sendTimer = new HandlerTimer("SendFunction");
        // Each container's construction is its init (SnapStart restores it): its requests count, its time does not.
        CountedClients publishClients = clients.get(Setting.Function.PublishFunction);
        CountedClients fanOutClients = clients.get(Setting.Function.FanOutFunction);
        CountedClients sendClients = clients.get(Setting.Function.SendFunction);
        PublishHandler publisher = publishTimer.container(() -> new PublishHandler(publishClients.wiring(Map.of(Setting.SEND_APPROVAL.name(), "none"))));
        RequestHandler<SQSEvent, SQSBatchResponse> fanOut = fanOutTimer.perContainer(() -> new FanOutHandler(fanOutClients.wiring(Map.of())));
        RequestHandler<SQSEvent, SQSBatchResponse> send = sendTimer.perContainer(() -> new SendHandler(sendClients.wiring(Map.of())));

        // The editor's upload: not the functions' work, so through the stack's own (uncounted) client.
        String bucket = env(Setting.Function.PublishFunction, Setting.UPLOADS_BUCKET);
        String key = "articles/" + SLUG + ".txt";
        byte[] article = articleWithLists();
        stack.s3().putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(article));
        var event = new S3EventFactory(ProjectRoot.find()).objectCreated(bucket, key, article.length);

        console.printf(Locale.ROOT, "sending:  '%s' (%,d bytes) to %,d subscribers; SendFunction %s%n", key, article.length, recipients,
                aws != null ? "paced at the modelled account's rate, read from its GetAccount"
                        : paced ? "paced at the local SES's 14 a second" : "unpaced (the local SES reports 1,000,000 a second)");
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        long start = System.nanoTime();
        progress.scheduleAtFixedRate(() -> console.printf(Locale.ROOT, "  ... %,d emails sent after %.0f s%n",
                clients.get(Setting.Function.SendFunction).sesCounter.snapshot().operation("SendEmail").messages(),
                (System.nanoTime() - start) / 1e9), 15, 15, TimeUnit.SECONDS);
        List<Map<String, Object>> published = publishTimer.time(() -> publisher.handleRequest(event, null));
        if (published.size() != 1 || !"published".equals(published.getFirst().get("outcome"))) {
            throw new IllegalStateException("the sample article was not published: " + published);
        }
        EventSourceMapping.DrainResult fannedOut;
        EventSourceMapping.DrainResult sent;
        double wallSeconds;
        try (EventSourceMapping fanOutMapping = EventSourceMapping.fromTemplate(stack.template(), pollerSqs, "FanOutFunction", fanOut,
                EventSourceMapping.Options.LOCAL);
                EventSourceMapping sendMapping = new EventSourceMapping(pollerSqs, sendSource(), send, EventSourceMapping.Options.LOCAL)) {
            fanOutMapping.start();
            sendMapping.start();
            fannedOut = fanOutMapping.drain(FAN_OUT_TIMEOUT);
            sent = sendMapping.drain(sendTimeout(recipients, paced));
            wallSeconds = (System.nanoTime() - start) / 1e9;
            for (int day = 2; fannedOut.queueEmpty() && sent.queueEmpty() && waitingForQuota(day - 1); day++) {
                fannedOut = fanOutMapping.drain(FAN_OUT_TIMEOUT);
                sent = sendMapping.drain(sendTimeout(recipients, paced));
            }
        } finally {
            progress.shutdownNow();
        }
        System.setOut(console);
        console.printf(Locale.ROOT, "  queues drained %.1f s after the upload event%n", wallSeconds);
        if (!fannedOut.queueEmpty() || !sent.queueEmpty()) {
            throw new IllegalStateException("the queues did not drain in time: fan-out " + fannedOut + ", send " + sent);
        }
        long failures = fanOutTimer.times().failures() + sendTimer.times().failures();
        if (failures > 0) {
            throw new IllegalStateException(failures + " invocations or messages failed (see the WARN lines above)");
        }
        Campaign campaign = checkDelivered(people, clients);

        List<FunctionRun> runs = List.of(
                FunctionRun.of(clients.get(Setting.Function.PublishFunction), publishTimer, memoryMb("PublishFunction"),
                        timeoutSeconds("PublishFunction")),
                FunctionRun.of(clients.get(Setting.Function.FanOutFunction), fanOutTimer, memoryMb("FanOutFunction"),
                        timeoutSeconds("FanOutFunction")),
                FunctionRun.of(clients.get(Setting.Function.SendFunction), sendTimer, memoryMb("SendFunction"),
                        timeoutSeconds("SendFunction")));
        SendFigures figures = new SendFigures(recipients, wallSeconds, runs, pollerCounter.snapshot(), logBytes.sum(),
                campaign);
        figures.print(console);
        new SendCostModel(campaign.counts().sent(), runs, pollerCounter.snapshot(), logBytes.sum(), pacing(), paced)
                .print(console);
        if (aws != null) {
            double achieved = aws.achievedRate();
            int workers = Integer.parseInt(env(Setting.Function.SendFunction, Setting.SEND_WORKERS));
            int running = workersRunning > 0 ? Math.min(workersRunning, workers) : workers;
            console.printf(Locale.ROOT, "quota:    %.0f emails/s; achieved %.1f/s while sending = %.1f%% of the quota; busiest second %d"
                    + " (SES allows a second's burst); throttled by SES %d times; %.1f emails/s per worker (%d workers running)%n",
                    aws.quota(), achieved, 100 * achieved / aws.quota(), aws.busiestSecond(), aws.throttled.sum(), achieved / running, running);
            if (workersRunning > 0 && workersRunning < workers) {
                double share = aws.quota() * workersRunning / workers;
                console.printf(Locale.ROOT, "          %d of the %d workers ran here, whose share is %.0f/s: %.1f%% of it achieved%n",
                        workersRunning, workers, share, 100 * achieved / share);
            }
            console.printf(Locale.ROOT, "          accepted by SES in each 5 seconds from the first: %s%n", aws.acceptedPer(5));
        }
    }

    private SqsEventSource sendSource() {
        SqsEventSource source = SqsEventSource.of(stack.template(), "SendFunction");
        return workersRunning > 0 ? source.withMaximumConcurrency(workersRunning) : source;
    }

    /**
     * After a day's sending: if the campaign waits for the daily quota, says what went that day and
     * moves the stack's clock on to when fan-out said it would go on (its schedule then fires).
     *
     * @return whether there is another day to send
     */
    private boolean waitingForQuota(int day) {
        Campaign campaign = new DynamoDbCampaignStore(stack.dynamoDb(), env(Setting.Function.SendFunction, Setting.CAMPAIGNS_TABLE))
                .find(Campaign.idFor(SLUG)).orElseThrow();
        if (campaign.status() != CampaignStatus.SENDING || campaign.quotaWait() == null) {
            if (day > 1) {
                console.printf(Locale.ROOT, "  day %d: campaign %s, %,d sent in all; SES refused %d sends for the day%n", day,
                        campaign.status(), campaign.counts().sent(), (aws == null ? 0 : aws.refusedForTheDay.sum()));
            }
            return false;
        }
        if (campaign.counts().sent() <= sentBefore) {
            throw new IllegalStateException("day " + day + " sent nothing more: the campaign did not go on when the quota freed up");
        }
        sentBefore = campaign.counts().sent();
        console.printf(Locale.ROOT, "  day %d: campaign waiting for the daily quota: %s; SES refused %d sends for the day%n", day,
                QuotaWait.explain(String.format(Locale.ROOT, "%,d", campaign.counts().sent()), campaign.quotaWait().until().toString(),
                        String.format(Locale.ROOT, "%,d", campaign.quotaWait().dailyQuota())), (aws == null ? 0 : aws.refusedForTheDay.sum()));
        Duration untilThen = Duration.between(stack.clock().instant(), campaign.quotaWait().until());
        stack.moveClockOn(untilThen.isNegative() ? Duration.ZERO : untilThen);
        return true;
    }

    /** Sent by the end of the day before, to tell a campaign that went on from one that did not. */
    private long sentBefore;

    /** Every subscriber exactly once, nobody else; the campaign SENT with all of them sent. Throws otherwise. */
    private Campaign checkDelivered(List<Subscriber> people, Map<Setting.Function, CountedClients> clients) {
        Campaign campaign = new DynamoDbCampaignStore(stack.dynamoDb(), env(Setting.Function.SendFunction, Setting.CAMPAIGNS_TABLE))
                .find(Campaign.idFor(SLUG)).orElseThrow(() -> new IllegalStateException("no campaign for " + SLUG));
        long read = System.nanoTime();
        List<CapturedEmail> captured = stack.capturedEmails();
        Map<String, Long> received = captured.stream().filter(m -> m.subject().equals(campaign.subject()))
                .flatMap(m -> m.to().stream()).collect(Collectors.groupingBy(to -> to, Collectors.counting()));
        Set<String> expected = people.stream().map(p -> p.address().forDelivery()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        if (!received.keySet().equals(expected)) {
            long missing = expected.stream().filter(a -> !received.containsKey(a)).count();
            long strangers = received.keySet().stream().filter(a -> !expected.contains(a)).count();
            problems.add(missing + " subscribers got no email and " + strangers + " addresses that are not subscribers got one");
        }
        long twice = received.values().stream().filter(n -> n != 1).count();
        if (twice > 0) {
            problems.add(twice + " subscribers got more than one email");
        }
        if (campaign.status() != CampaignStatus.SENT || campaign.counts().sent() != people.size()) {
            problems.add("the campaign is " + campaign.status() + " with counts " + campaign.counts() + ", not SENT with "
                    + people.size() + " sent");
        }
        long accepted = clients.get(Setting.Function.SendFunction).sesCounter.snapshot().operation("SendEmail").messages();
        if (accepted != people.size()) {
            problems.add("SES accepted " + accepted + " SendEmail calls, not " + people.size());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The send was wrong: " + String.join("; ", problems));
        }
        console.printf(Locale.ROOT, "checked:  %,d emails captured by the SES emulator, each of the %,d subscribers exactly once;"
                        + " campaign %s, %s (read back in %.1f s)%n", captured.size(), people.size(), campaign.status(), campaign.counts(),
                (System.nanoTime() - read) / 1e9);
        return campaign;
    }

    /** The bench's newsletter (~1,200 words, plain text as offices type it) for the newsletter list. */
    private static byte[] articleWithLists() {
        String body = new String(SampleArticle.bytes(), StandardCharsets.UTF_8);
        return ("---\nslug: " + SLUG + "\nlists: [" + SampleSubscribers.LIST + "]\n---\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** SendFunction's pacing as the template sets it (or as --quota does), or null when this build has none. */
    private SendCostModel.Pacing pacing() {
        Map<String, String> environment = stack.environmentFor(Setting.Function.SendFunction.name());
        // Unpaced, the floor is what a new production account's 14 a second would add.
        double rate = aws != null ? aws.quota() : SesAccountQuota.NEW_PRODUCTION_ACCOUNT.maxSendRate();
        return new SendCostModel.Pacing((int) rate, Integer.parseInt(environment.getOrDefault("SEND_WORKERS", "1")));
    }

    private Duration sendTimeout(int recipients, boolean paced) {
        SendCostModel.Pacing pacing = pacing();
        double seconds = aws != null ? 1.5 * recipients / aws.quota() : paced && pacing != null ? 1.5 * pacing.floorSeconds(recipients)
                : 0.1 * recipients;
        return Duration.ofSeconds(300 + (long) seconds);
    }

    private int memoryMb(String function) {
        return Integer.parseInt(stack.template().resolveToString(stack.template().functionProperty(function, "MemorySize")));
    }

    private int timeoutSeconds(String function) {
        return Integer.parseInt(stack.template().resolveToString(stack.template().functionProperty(function, "Timeout")));
    }

    private String env(Setting.Function function, Setting setting) {
        return stack.environmentFor(function.name()).get(setting.name());
    }

    private static void printMachine(PrintStream out, int recipients, boolean paced) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        out.printf(Locale.ROOT, "Despatch send scale: one campaign to %,d subscribers, publish -> fan-out -> send on the local stack%s%n",
                recipients, paced ? " (paced)" : "");
        out.printf(Locale.ROOT, "java:     %s %s, flags %s%n", System.getProperty("java.vm.vendor"), Runtime.version(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.printf(Locale.ROOT, "machine:  %d cores, %.1f GiB; %s%n", Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024.0 * 1024 * 1024), MachineLoad.describe());
    }

    /** 10000, 10_000, 10,000 or 10k. */
    private static int count(String arg) {
        String digits = arg.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
        int count = digits.endsWith("k") ? Integer.parseInt(digits.substring(0, digits.length() - 1)) * 1000 : Integer.parseInt(digits);
        if (count < 1) {
            throw new IllegalArgumentException("N must be at least 1, not " + arg);
        }
        return count;
    }

    /** Counts what the handlers log and drops it. */
    private static final class CountingSink extends OutputStream {
        private final LongAdder bytes;

        CountingSink(LongAdder bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            bytes.increment();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.add(len);
        }
    }
}
