package despatch.subscription.imports;

import despatch.subscription.ImportOutcome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one import file: counts per outcome, and every row that was rejected or skipped
 * with its reason. {@code fileProblem} is set when the file as a whole could not be read.
 */
public record ImportReport(String key, Instant at, int rows, Map<ImportOutcome, Integer> counts, List<RowProblem> rejected,
        List<RowProblem> skipped, String fileProblem) {

    public ImportReport {
        counts = new EnumMap<>(counts.isEmpty() ? Map.of(ImportOutcome.ACTIVE, 0) : counts);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }

    static ImportReport unreadable(String key, Instant at, String problem) {
        return new ImportReport(key, at, 0, Map.of(), List.of(), List.of(), problem);
    }

    /** What staff read beside a file whose import stopped before it finished, through no fault of the file's. */
    static String stoppedText(String key, Instant at) {
        return "Import report for " + key + "\nRun at " + at + "\n\n"
                + "The import stopped before it finished: an error in Despatch or in AWS, not in this file. The office's administrator has"
                + " been alerted (ImportFunction's error alarm), and the error is in the function's log.\n"
                + "Rows imported before it stopped stay imported. When the cause is fixed, upload the same file again: rows already"
                + " imported are then reported as already subscribed or pending, and every row's outcome is listed here.\n";
    }

    public int count(ImportOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** The report as staff read it: plain text, beside the file. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Import report for ").append(key).append('\n');
        text.append("Run at ").append(at).append("\n\n");
        if (fileProblem != null) {
            text.append("Nothing was imported: ").append(fileProblem).append('\n');
            return text.toString();
        }
        text.append("Rows read: ").append(rows).append('\n');
        for (ImportOutcome outcome : ImportOutcome.values()) {
            if (outcome.isFailure()) {
                continue;
            }
            text.append(String.format("%7d  %s%n", count(outcome), outcome.description()));
        }
        text.append(String.format("%7d  rejected: see below%n", rejected.size()));
        appendRows(text, "Rejected rows (fix them and upload just those rows again)", rejected);
        appendRows(text, "Skipped rows (nothing to fix: these people decide for themselves)", skipped);
        return text.toString();
    }

    private static void appendRows(StringBuilder text, String heading, List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        text.append('\n').append(heading).append(":\n");
        for (RowProblem problem : problems) {
            text.append("row ").append(problem.row()).append(": ");
            if (!problem.email().isEmpty()) {
                text.append(problem.email()).append(" - ");
            }
            text.append(problem.reason()).append('\n');
        }
    }
}
