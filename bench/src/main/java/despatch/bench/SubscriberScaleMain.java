package despatch.bench;

import despatch.bench.DynamoDbRequestCounter.Operation;
import despatch.bench.DynamoDbRequestCounter.Snapshot;
import despatch.lambda.aws.DynamoDbSubscriberStore;
import despatch.subscription.Member;
import despatch.subscription.MemberPage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the subscriber path scales on the local stack: a generated import file run through the real
 * ImportHandler (S3 event in, rows into DynamoDB), then the imported list paged back with
 * DynamoDbSubscriberStore.activeMembers as the sender will page it. Counts DynamoDB requests per
 * operation and estimates the capacity units AWS would charge for them.
 *
 * <p>Each import starts from an empty, fresh in-memory stack. Imports of up to 20,000 rows run
 * three times and larger ones once (--runs=N to change); paging runs three times per page size on
 * the last import's data. Usage: {@code SubscriberScaleMain [ROWS ...] [--runs=N]}; with no ROWS,
 * 10,000 then 100,000.
 */
public final class SubscriberScaleMain {
    private static final String LIST = "newsletter";
    private static final int PAGE_SIZE = 1000;
    private static final long QUERY_PAGE_BYTES = 1024 * 1024;
    private static final int REPEATS = 3;
    private static final int LARGEST_REPEATED_IMPORT = 20_000;

    private SubscriberScaleMain() {
    }

    private record ImportRun(int rows, double wallSeconds, Map<String, Object> report, Snapshot requests, double jvmCpuSeconds,
            double dynaliteCpuSeconds) {

        double rowsPerSecond() {
            return rows / wallSeconds;
        }

        double perRow(double value) {
            return value / rows;
        }
    }

    private record PagingRun(int pageSize, int members, double wallSeconds, Snapshot requests) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        Integer runs = null;
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring("--runs=".length()));
            } else {
                sizes.add(rows(arg));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000);
        }
        printMachine();
        DynamoDbRequestCounter counter = new DynamoDbRequestCounter();
        List<String> summary = new ArrayList<>();
        for (int rows : sizes) {
            int repeats = runs != null ? runs : rows <= LARGEST_REPEATED_IMPORT ? REPEATS : 1;
            summary.addAll(measure(rows, repeats, counter));
        }
        System.out.println();
        System.out.println("Summary (medians)");
        summary.forEach(System.out::println);
    }

    /** Imports {@code rows} {@code repeats} times, each on a fresh stack, then pages the last one's list. */
    private static List<String> measure(int rows, int repeats, DynamoDbRequestCounter counter) throws Exception {
        SubscriberCsv csv = SubscriberCsv.generate(rows);
        List<ImportRun> imports = new ArrayList<>();
        List<PagingRun> paging = new ArrayList<>();
        for (int run = 1; run <= repeats; run++) {
            try (ScaleStack stack = ScaleStack.start(counter)) {
                System.out.printf(Locale.ROOT, "%nImport of %,d rows (%.1f MB), run %d of %d, on a fresh stack (started in %.1f s)%n",
                        rows, csv.bytes().length / 1e6, run, repeats, stack.startupTime().toMillis() / 1000.0);
                imports.add(importOnce(stack, csv, counter));
                print(imports.getLast());
                if (run == repeats) {
                    paging = pageAll(stack.store(), csv, counter);
                }
            }
        }
        List<String> summary = new ArrayList<>();
        summary.add(String.format(Locale.ROOT,
                "import %,9d rows x%d: wall %7.1f s, %6.0f rows/s, %.3f requests/row, %.2f WCU/row, %.2f RCU/row, dynalite CPU %3.0f%% of wall",
                rows, repeats, median(imports, ImportRun::wallSeconds), median(imports, ImportRun::rowsPerSecond),
                median(imports, r -> r.perRow(r.requests().total().requests())),
                median(imports, r -> r.perRow(r.requests().total().writeUnits())),
                median(imports, r -> r.perRow(r.requests().total().readUnits())),
                median(imports, r -> 100 * r.dynaliteCpuSeconds() / r.wallSeconds())));
        for (int pageSize : paging.stream().map(PagingRun::pageSize).distinct().toList()) {
            List<PagingRun> same = paging.stream().filter(p -> p.pageSize() == pageSize).toList();
            summary.add(String.format(Locale.ROOT,
                    "page   %,9d members, %,5d a page x%d: wall %7.2f s, %8.0f members/s, %,6.0f queries, %,8.1f RCU",
                    same.getFirst().members(), pageSize, same.size(), median(same, PagingRun::wallSeconds),
                    median(same, p -> p.members() / p.wallSeconds()), median(same, p -> p.requests().total().requests()),
                    median(same, p -> p.requests().total().readUnits())));
        }
        return summary;
    }

    private static ImportRun importOnce(ScaleStack stack, SubscriberCsv csv, DynamoDbRequestCounter counter) {
        String key = stack.upload(csv);
        double jvmCpuBefore = jvmCpuSeconds();
        double dynaliteBefore = seconds(stack.dynaliteCpu().orElse(Duration.ZERO));
        counter.reset();
        long started = System.nanoTime();
        Map<String, Object> report = stack.importUploaded(key, csv.bytes().length);
        double wall = (System.nanoTime() - started) / 1e9;
        Snapshot requests = counter.snapshot();
        double dynalite = seconds(stack.dynaliteCpu().orElse(Duration.ZERO)) - dynaliteBefore;
        ImportRun run = new ImportRun(csv.rows(), wall, report, requests, jvmCpuSeconds() - jvmCpuBefore, dynalite);
        if (!Integer.valueOf(csv.rows()).equals(report.get("active")) || !Integer.valueOf(0).equals(report.get("rejected"))) {
            print(run);
            throw new IllegalStateException("Expected all " + csv.rows() + " rows imported as active; the report says " + report);
        }
        return run;
    }

    private static void print(ImportRun run) {
        StringBuilder report = new StringBuilder();
        run.report().forEach((name, value) -> {
            if (!name.equals("uploadKey")) {
                report.append(report.isEmpty() ? "" : ", ").append(name).append(' ').append(value);
            }
        });
        System.out.println("  report:  " + report);
        Operation total = run.requests().total();
        System.out.printf(Locale.ROOT, "  wall:    %.2f s, %.0f rows/s; CPU: this JVM %.1f s, dynalite %.1f s (%.0f%% of wall);"
                        + " at most %d DynamoDB requests in flight%n",
                run.wallSeconds(), run.rowsPerSecond(), run.jvmCpuSeconds(), run.dynaliteCpuSeconds(),
                100 * run.dynaliteCpuSeconds() / run.wallSeconds(), run.requests().mostInFlight());
        System.out.printf(Locale.ROOT, "  %-16s %9s %8s %6s %8s %10s %10s %9s %9s%n",
                "operation", "requests", "per row", "4xx", "mean ms", "WCU est", "RCU est", "MB sent", "MB recv");
        List<Operation> lines = new ArrayList<>(run.requests().operations());
        lines.add(total);
        for (Operation op : lines) {
            System.out.printf(Locale.ROOT, "  %-16s %,9d %8.3f %,6d %8.2f %,10.0f %,10.1f %9.2f %9.2f%n", op.name(), op.requests(),
                    run.perRow(op.requests()), op.failed(), op.meanMillis(), op.writeUnits(), op.readUnits(),
                    op.requestBytes() / 1e6, op.responseBytes() / 1e6);
        }
        // Little's law: with N workers, each row takes N / (rows/s); the share of that spent waiting on DynamoDB.
        double waiting = total.wallMillis() / 1000 / (run.requests().mostInFlight() * run.wallSeconds());
        System.out.printf(Locale.ROOT, "  per row: %.3f requests, %.2f WCU, %.2f RCU (estimated from item sizes);"
                        + " workers spent %.0f%% of their time waiting on DynamoDB%n",
                run.perRow(total.requests()), run.perRow(total.writeUnits()), run.perRow(total.readUnits()), 100 * waiting);
    }

    /**
     * Pages the list three times at 1,000 a page, then three times at the most members that fit
     * DynamoDB's 1 MB page (from the largest member item the first pass read).
     */
    private static List<PagingRun> pageAll(DynamoDbSubscriberStore store, SubscriberCsv csv, DynamoDbRequestCounter counter) {
        System.out.printf(Locale.ROOT, "%nPaging '%s' (%,d members expected) with DynamoDbSubscriberStore.activeMembers(list, cursor, pageSize)%n",
                LIST, csv.newsletterRows());
        System.out.printf(Locale.ROOT, "  %9s %4s %9s %8s %9s %10s %9s %12s %9s %9s%n", "page size", "run", "members", "queries",
                "wall ms", "members/s", "RCU est", "item MB read", "MB recv", "largest B");
        List<PagingRun> runs = new ArrayList<>();
        int largest = 0;
        for (int run = 1; run <= REPEATS; run++) {
            runs.add(pageOnce(store, PAGE_SIZE, csv, counter));
            largest = (int) Math.max(largest, runs.getLast().requests().total().largestItemRead());
            print(run, runs.getLast());
        }
        int fits = (int) (QUERY_PAGE_BYTES / largest);
        for (int run = 1; run <= REPEATS; run++) {
            runs.add(pageOnce(store, fits, csv, counter));
            print(run, runs.getLast());
        }
        System.out.printf(Locale.ROOT, "  %,d a page: 1 MB / the largest member item read (%d bytes, DynamoDB's item size)%n",
                fits, largest);
        return runs;
    }

    private static PagingRun pageOnce(DynamoDbSubscriberStore store, int pageSize, SubscriberCsv csv, DynamoDbRequestCounter counter) {
        counter.reset();
        Set<String> seen = new HashSet<>();
        int members = 0;
        long started = System.nanoTime();
        String cursor = null;
        do {
            MemberPage page = store.activeMembers(LIST, cursor, pageSize);
            members += page.members().size();
            page.members().stream().map(Member::subscriberId).forEach(seen::add);
            cursor = page.nextCursor().orElse(null);
        } while (cursor != null);
        double wall = (System.nanoTime() - started) / 1e9;
        if (members != csv.newsletterRows() || seen.size() != members) {
            throw new IllegalStateException("Paging read " + members + " members (" + seen.size() + " different) of the "
                    + csv.newsletterRows() + " imported to " + LIST);
        }
        return new PagingRun(pageSize, members, wall, counter.snapshot());
    }

    private static void print(int run, PagingRun paging) {
        Operation total = paging.requests().total();
        System.out.printf(Locale.ROOT, "  %,9d %4d %,9d %,8d %,9.0f %,10.0f %9.1f %12.2f %9.2f %9d%n", paging.pageSize(), run,
                paging.members(), total.requests(), paging.wallSeconds() * 1000, paging.members() / paging.wallSeconds(),
                total.readUnits(), total.itemBytesRead() / 1e6, total.responseBytes() / 1e6, total.largestItemRead());
    }

    private static void printMachine() throws IOException {
        RepoPaths paths = RepoPaths.find();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("Despatch subscriber scale: ImportFunction and list paging on the local stack (in memory)");
        System.out.printf(Locale.ROOT, "java:     %s %s (%s), flags %s%n", System.getProperty("java.vm.vendor"), Runtime.version(),
                System.getProperty("java.home"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "machine:  %d cores, %.1f GiB; %s%n", Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024.0 * 1024 * 1024), MachineLoad.describe());
        System.out.printf(Locale.ROOT, "DynamoDB: dynalite %s on node %s (one thread); S3: S3Proxy in this JVM%n",
                packageVersion(paths.root().resolve("local/node_modules/dynalite/package.json")), nodeVersion());
        System.out.println("Estimates: WCU 1 per started KB per item written (a failed condition still pays), RCU 1 per"
                + " started 4 KB read, half for eventually consistent reads (Query here), from DynamoDB's item-size rules.");
    }

    private static String packageVersion(Path packageJson) throws IOException {
        if (!Files.exists(packageJson)) {
            return "(not installed yet)";
        }
        Matcher version = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(packageJson));
        return version.find() ? version.group(1) : "?";
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes()).strip();
            return node.waitFor() == 0 ? version : "?";
        } catch (IOException e) {
            return "(not found)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** 100000, 100_000, 100,000 or 100k. */
    private static int rows(String arg) {
        String digits = arg.replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
        int rows = digits.endsWith("k") ? Integer.parseInt(digits.substring(0, digits.length() - 1)) * 1000 : Integer.parseInt(digits);
        if (rows < 1) {
            throw new IllegalArgumentException("ROWS must be at least 1, not " + arg);
        }
        return rows;
    }

    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> measure) {
        double[] values = runs.stream().mapToDouble(measure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
