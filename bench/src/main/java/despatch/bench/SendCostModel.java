package despatch.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What AWS would charge, beyond SES's own price, for sending 10,000 emails the way the run sent
 * them: every request and unit as counted, scaled to 10,000 recipients, at the {@link Price} list.
 *
 * <p>Lambda's duration cannot be measured here, so it is estimated three ways and the largest is
 * used per function: (a) the local CPU time doubled (1024 MB gives a function about 0.58 of a
 * vCPU: a full one at 1,769 MB) plus the time spent waiting on the emulators; (b) the CPU doubled
 * plus every request at a pessimistic, assumed AWS round trip; and for SendFunction (c) the
 * pacing floor: each worker sends at the SES rate / SEND_WORKERS, and is billed while it waits.
 */
final class SendCostModel {
    static final int PER = 10_000;
    static final double CPU_FACTOR = 2.0;
    /** Assumed, not measured: round trips from Lambda to each service in region, on the slow side. */
    static final Map<String, Double> ASSUMED_AWS_MILLIS = Map.of("DynamoDB", 10.0, "S3", 30.0, "SQS", 20.0, "SES v2", 100.0,
            "Secrets Manager", 50.0);
    /** Lambda's own START, END and REPORT records per invocation (JSON log format), about. */
    static final int PLATFORM_LOG_BYTES = 1_000;
    private static final Set<String> S3_PUT_CLASS = Set.of("PutObject", "CopyObject", "ListObjects", "ListObjectsV2",
            "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload");
    private static final Set<String> S3_FREE = Set.of("DeleteObject", "DeleteObjects");

    /** How the send workers are paced, from SendFunction's environment; absent when this build does not pace. */
    record Pacing(int maxSendRate, int workers) {
        double floorSeconds(long emails) {
            return (double) emails * workers / maxSendRate;
        }
    }

    record Line(String item, double quantity, String unit, Price price) {
        double usd() {
            return price.times(quantity);
        }
    }

    /** Lambda duration estimates for one function, in seconds, for the whole run. */
    record Duration(String function, double gigabytes, double measured, double assumedAws, double pacedFloor) {
        double used() {
            return Math.max(measured, Math.max(assumedAws, pacedFloor));
        }

        String basis() {
            double used = used();
            return used == pacedFloor && pacedFloor > 0 ? "paced floor" : used == measured ? "measured" : "assumed AWS latency";
        }
    }

    private final long emails;
    private final List<FunctionRun> functions;
    private final ServiceRequestCounter.Snapshot pollers;
    private final long handlerLogBytes;
    private final Pacing pacing;
    private final boolean ranPaced;

    /**
     * @param pacing   SendFunction's pacing as deployed, or null when this build has none
     * @param ranPaced the run itself was paced, so its measured times hold the pacing wait already
     */
    SendCostModel(long emails, List<FunctionRun> functions, ServiceRequestCounter.Snapshot pollers, long handlerLogBytes, Pacing pacing,
            boolean ranPaced) {
        this.emails = emails;
        this.functions = functions;
        this.pollers = pollers;
        this.handlerLogBytes = handlerLogBytes;
        this.pacing = pacing;
        this.ranPaced = ranPaced;
    }

    double scale() {
        return (double) PER / emails;
    }

    List<Duration> durations(boolean paced) {
        List<Duration> durations = new ArrayList<>();
        for (FunctionRun run : functions) {
            double cpu = run.times().cpuSeconds();
            double assumedWait = run.dynamoDb().total().requests() * ASSUMED_AWS_MILLIS.get("DynamoDB") / 1000
                    + run.services().stream().mapToDouble(s -> s.total().requests() * ASSUMED_AWS_MILLIS.get(s.service()) / 1000).sum();
            double floor = paced && run.function().equals("SendFunction") && pacing != null ? pacing.floorSeconds(emails) : 0;
            durations.add(new Duration(run.function(), run.gigabytes(), CPU_FACTOR * cpu + run.times().waitSeconds(),
                    CPU_FACTOR * cpu + assumedWait, floor));
        }
        return durations;
    }

    /** Every billed item, scaled to {@link #PER} emails; {@code paced}: with SendFunction's pacing floor. */
    List<Line> lines(boolean paced) {
        double scale = scale();
        List<Line> lines = new ArrayList<>();
        long invocations = functions.stream().mapToLong(f -> f.times().invocations()).sum();
        lines.add(new Line("Lambda requests (" + invocationsText() + ")", invocations * scale, "invocations", Price.LAMBDA_REQUEST));
        for (Duration duration : durations(paced)) {
            lines.add(new Line("Lambda duration, " + duration.function() + " (" + duration.basis() + ")",
                    duration.used() * duration.gigabytes() * scale, "GB-s", Price.LAMBDA_ARM_GB_SECOND));
        }
        lines.add(new Line("SQS requests, handlers' sends", sqsHandlerRequests() * scale, "requests", Price.SQS_REQUEST));
        lines.add(new Line("SQS requests, Lambda's receives and deletes", sqsPollerRequests() * scale, "requests", Price.SQS_REQUEST));
        lines.add(new Line("DynamoDB writes", writeUnits() * scale, "WRU", Price.DYNAMODB_WRITE_UNIT));
        lines.add(new Line("DynamoDB reads", readUnits() * scale, "RRU", Price.DYNAMODB_READ_UNIT));
        lines.add(new Line("S3 PUT and LIST", s3Requests(true) * scale, "requests", Price.S3_PUT));
        lines.add(new Line("S3 GET", s3Requests(false) * scale, "requests", Price.S3_GET));
        lines.add(new Line("Secrets Manager (one per cold start)", serviceRequests("Secrets Manager") * scale, "calls",
                Price.SECRETS_MANAGER_CALL));
        lines.add(new Line("CloudWatch Logs (approximate)", logBytes() * scale / 1e9, "GB", Price.CLOUDWATCH_LOGS_GB));
        return lines;
    }

    double totalUsd(boolean paced) {
        return lines(paced).stream().mapToDouble(Line::usd).sum();
    }

    void print(PrintStream out) {
        double sesUsd = Price.SES_EMAIL.times(PER);
        out.printf(Locale.ROOT, "%nCost model: AWS charges per %,d emails beyond SES's own $%.2f (SES: $%.2f per 1,000)%n", PER, sesUsd,
                Price.SES_EMAIL.usd * 1000);
        out.printf(Locale.ROOT, "  Scaled from the run's %,d emails (x%.3f); one campaign's fixed work (publish, cold starts) scales with it.%n",
                emails, scale());
        out.println("  Lambda duration per function, whole run, seconds (estimates; the largest is billed):");
        out.printf(Locale.ROOT, "    %-16s %9s %9s %9s %12s %12s %12s%n", "function", "local CPU", "local wait", "invokes",
                "(a) measured", "(b) AWS rtt", "(c) paced");
        for (Duration duration : durations(true)) {
            FunctionRun run = functions.stream().filter(f -> f.function().equals(duration.function())).findFirst().orElseThrow();
            out.printf(Locale.ROOT, "    %-16s %9.2f %10.2f %8d %12.1f %12.1f %12s%n", duration.function(), run.times().cpuSeconds(),
                    run.times().waitSeconds(), run.times().invocations(), duration.measured(), duration.assumedAws(),
                    duration.pacedFloor() > 0 ? String.format(Locale.ROOT, "%.1f", duration.pacedFloor()) : "-");
        }
        out.printf(Locale.ROOT, "    (a) %.0f x local CPU (1024 MB arm64 ~ 0.58 vCPU) + local waiting on the emulators;%n", CPU_FACTOR);
        out.printf(Locale.ROOT, "    (b) %.0f x local CPU + each request at an assumed AWS round trip (ms): %s;%n", CPU_FACTOR,
                new java.util.TreeMap<>(ASSUMED_AWS_MILLIS));
        out.println(pacing == null ? "    (c) none: this build's SendFunction is not paced."
                : String.format(Locale.ROOT, "    (c) %,d emails x %d workers / the SES rate %d per s: each worker is billed while it waits for its slot.",
                        emails, pacing.workers(), pacing.maxSendRate()));
        out.printf(Locale.ROOT, "  %-58s %14s %-12s %14s %11s%n", "item", "per 10,000", "unit", "unit price", "USD");
        for (Line line : lines(true)) {
            out.printf(Locale.ROOT, line.quantity() < 10 ? "  %-58s %14.4f %-12s %14s %11.5f%n" : "  %-58s %,14.1f %-12s %14s %11.5f%n",
                    line.item(), line.quantity(), line.unit(),
                    unitPrice(line.price()), line.usd());
        }
        double total = totalUsd(true);
        out.printf(Locale.ROOT, "  %-58s %14s %-12s %14s %11.5f%n", "total beyond SES", "", "", "", total);
        out.printf(Locale.ROOT, "  = %.2f%% of SES's $%.2f for the same emails (target: under 5%%)%s%n", 100 * total / sesUsd, sesUsd,
                total / sesUsd < 0.05 ? "" : "  ** OVER TARGET **");
        double dynamo = lines(true).stream().filter(l -> l.price() == Price.DYNAMODB_WRITE_UNIT || l.price() == Price.DYNAMODB_READ_UNIT)
                .mapToDouble(Line::usd).sum();
        out.printf(Locale.ROOT, "  If DynamoDB's on-demand prices are half these (AWS's November 2024 cut): total %.5f, %.2f%% of SES.%n",
                total - dynamo / 2, 100 * (total - dynamo / 2) / sesUsd);
        if (pacing != null && !ranPaced) {
            double unpaced = totalUsd(false);
            out.printf(Locale.ROOT, "  Without the pacing floor (an SES quota far above the work's pace): total %.5f, %.2f%% of SES.%n",
                    unpaced, 100 * unpaced / sesUsd);
        }
        out.println("  Prices: despatch.bench.Price, eu-west-2 list prices as of 2026 without free tiers; check them on "
                + "aws.amazon.com/{lambda,sqs,dynamodb,s3,secrets-manager,ses,cloudwatch}/pricing.");
        out.println("  Not included: idle pollers' empty receives, storage (delivery records stay in the campaigns table),"
                + " bounces and complaints (SNS, FeedbackFunction), KMS, data transfer.");
    }

    private String invocationsText() {
        Map<String, Long> byFunction = new LinkedHashMap<>();
        functions.forEach(f -> byFunction.put(f.function().replace("Function", ""), f.times().invocations()));
        StringBuilder text = new StringBuilder();
        byFunction.forEach((name, count) -> text.append(text.isEmpty() ? "" : " + ").append(count).append(' ').append(name));
        return text + " in the run";
    }

    /** Every SQS request the handlers made, each started 64 KB of payload one request. */
    long sqsHandlerRequests() {
        return functions.stream().mapToLong(f -> f.service("SQS").total().billedRequests()).sum();
    }

    /**
     * Lambda's receives that returned messages, its deletes and visibility changes. Not the
     * receives that came back empty (pollers make those all the time, campaign or not), nor
     * GetQueueAttributes (the local harness's check that a queue has drained).
     */
    long sqsPollerRequests() {
        return pollers.operations().stream()
                .filter(op -> !op.name().equals("GetQueueAttributes"))
                .mapToLong(op -> op.billedRequests() - op.emptyReceives()).sum();
    }

    double writeUnits() {
        return functions.stream().mapToDouble(f -> f.dynamoDb().total().writeUnits()).sum();
    }

    double readUnits() {
        return functions.stream().mapToDouble(f -> f.dynamoDb().total().readUnits()).sum();
    }

    long s3Requests(boolean putClass) {
        return functions.stream().flatMap(f -> f.service("S3").operations().stream())
                .filter(op -> !S3_FREE.contains(op.name()) && S3_PUT_CLASS.contains(op.name()) == putClass)
                .mapToLong(ServiceRequestCounter.Operation::requests).sum();
    }

    long serviceRequests(String service) {
        return functions.stream().mapToLong(f -> f.service(service).total().requests()).sum();
    }

    long logBytes() {
        return handlerLogBytes + PLATFORM_LOG_BYTES * functions.stream().mapToLong(f -> f.times().invocations()).sum();
    }

    private static String unitPrice(Price price) {
        return switch (price) {
            case LAMBDA_REQUEST, SQS_REQUEST, DYNAMODB_WRITE_UNIT, DYNAMODB_READ_UNIT ->
                    String.format(Locale.ROOT, "$%.4f/M", price.usd * 1e6);
            case S3_PUT, S3_GET, SES_EMAIL -> String.format(Locale.ROOT, "$%.5f/k", price.usd * 1e3);
            case SECRETS_MANAGER_CALL -> String.format(Locale.ROOT, "$%.2f/10k", price.usd * 1e4);
            case LAMBDA_ARM_GB_SECOND -> String.format(Locale.ROOT, "$%.10f", price.usd);
            case CLOUDWATCH_LOGS_GB -> String.format(Locale.ROOT, "$%.2f/GB", price.usd);
        };
    }
}
