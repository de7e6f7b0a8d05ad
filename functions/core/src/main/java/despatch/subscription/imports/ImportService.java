package despatch.subscription.imports;

import despatch.office.Office;
import despatch.subscription.ImportOutcome;
import despatch.subscription.ImportRequest;
import despatch.subscription.SubscriberImporter;
import despatch.subscription.SubscriptionLinks;
import despatch.subscription.imports.CsvReader.CsvRow;
import despatch.subscription.imports.CsvReader.MalformedCsvException;
import despatch.subscription.imports.ImportRowCheck.RowRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Imports a subscriber CSV and writes a report beside it. The whole file is checked first (a
 * missing email column or an unknown column rejects it before any write); then chunks of rows
 * are imported in parallel, as DynamoDB and SES calls wait on the network. A row that fails is
 * reported, never half-counted: the report says exactly which rows to upload again.
 */
public final class ImportService {
    /** Rows looked up together in one batch read (DynamoDB's BatchGetItem takes 100 keys). */
    static final int CHUNK = 100;

    private final Office office;
    private final ImportFiles files;
    private final SubscriberImporter importer;
    private final Clock clock;
    private final int parallelism;

    public ImportService(Office office, ImportFiles files, SubscriberImporter importer, Clock clock, int parallelism) {
        this.office = office;
        this.files = files;
        this.importer = importer;
        this.clock = clock;
        this.parallelism = parallelism;
    }

    /**
     * @param timeLeft false once too little time is left to start another chunk (Lambda's
     *     deadline): the rows not reached are reported for uploading again, never silently lost
     */
    public ImportReport importFile(String key, SubscriptionLinks links, java.util.function.BooleanSupplier timeLeft) {
        Instant now = clock.instant();
        ImportReport report;
        try {
            report = importRows(key, CsvReader.read(decode(files.read(key))), links, now, timeLeft);
        } catch (MalformedCsvException | BadHeaderException | UnreadableFileException e) {
            report = ImportReport.unreadable(key, now, e.getMessage());
        } catch (RuntimeException e) {
            reportStopped(key, now, e);
            throw e;
        }
        files.writeReport(key, report.text());
        return report;
    }

    /**
     * An import cut short by a failure of its own (storage, the mail service, a bug): staff find
     * that beside the file, not only in a log; the failure itself goes on to the function's error
     * handling (its alarm, and the event kept for a replay).
     */
    private void reportStopped(String key, Instant now, RuntimeException cause) {
        try {
            files.writeReport(key, ImportReport.stoppedText(key, now));
        } catch (RuntimeException reportFailed) {
            cause.addSuppressed(reportFailed);
        }
    }

    private ImportReport importRows(String key, List<CsvRow> csv, SubscriptionLinks links, Instant now,
            java.util.function.BooleanSupplier timeLeft) throws BadHeaderException {
        if (csv.isEmpty()) {
            throw new BadHeaderException("the file is empty. The first row must name the columns, e.g. email,name,lists.");
        }
        List<ImportColumn> columns = header(csv.get(0));
        ImportRowCheck check = new ImportRowCheck(office, now);
        List<RowProblem> rejected = Collections.synchronizedList(new ArrayList<>());
        List<RowProblem> skipped = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> firstRowOf = new HashMap<>();
        Map<CsvRow, ImportRequest> accepted = new LinkedHashMap<>();
        for (CsvRow row : csv.subList(1, csv.size())) {
            Map<ImportColumn, String> values = values(columns, row);
            String email = shown(values.getOrDefault(ImportColumn.EMAIL, ""));
            if (row.fields().size() > columns.size()) {
                rejected.add(new RowProblem(row.line(), email, "this row has " + row.fields().size() + " values but the header names "
                        + columns.size() + " columns; put values that contain commas in double quotes."));
                continue;
            }
            try {
                ImportRequest request = check.check(values);
                Integer first = firstRowOf.putIfAbsent(request.address().normalised(), row.line());
                if (first != null) {
                    rejected.add(new RowProblem(row.line(), email, "the same address as row " + first + "; only that row was imported."));
                } else {
                    accepted.put(row, request);
                }
            } catch (RowRejectedException e) {
                rejected.add(new RowProblem(row.line(), email, e.getMessage()));
            }
        }
        Map<ImportOutcome, Integer> counts = new EnumMap<>(ImportOutcome.class);
        List<CsvRow> rows = new ArrayList<>(accepted.keySet());
        try (ExecutorService workers = Executors.newFixedThreadPool(parallelism)) {
            List<Future<List<ImportOutcome>>> chunks = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<ImportRequest> requests = rows.subList(from, Math.min(rows.size(), from + CHUNK)).stream().map(accepted::get).toList();
                chunks.add(workers.submit(() -> timeLeft.getAsBoolean() ? importer.importChunk(requests, links) : null));
            }
            for (int chunk = 0; chunk < chunks.size(); chunk++) {
                List<CsvRow> chunkRows = rows.subList(chunk * CHUNK, Math.min(rows.size(), (chunk + 1) * CHUNK));
                String failure = null;
                List<ImportOutcome> outcomes = null;
                try {
                    outcomes = chunks.get(chunk).get();
                    if (outcomes == null) {
                        failure = "not reached before the import's time limit; upload this row again.";
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = "could not be imported this time (" + e.getCause().getClass().getSimpleName() + "); upload this row again.";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = "the import was stopped before this row; upload it again.";
                }
                for (int i = 0; i < chunkRows.size(); i++) {
                    CsvRow row = chunkRows.get(i);
                    String email = shown(accepted.get(row).address().forDelivery());
                    if (failure != null) {
                        rejected.add(new RowProblem(row.line(), email, failure));
                        continue;
                    }
                    if (outcomes.get(i).isFailure()) {
                        rejected.add(new RowProblem(row.line(), email, outcomes.get(i).description() + "."));
                        continue;
                    }
                    counts.merge(outcomes.get(i), 1, Integer::sum);
                    if (outcomes.get(i).isSkipped()) {
                        skipped.add(new RowProblem(row.line(), email, outcomes.get(i).description()));
                    }
                }
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(RowProblem::row));
        skipped.sort(java.util.Comparator.comparingInt(RowProblem::row));
        return new ImportReport(key, now, csv.size() - 1, counts, rejected, skipped, null);
    }

    /**
     * UTF-8 as "CSV UTF-8" saves it; anything that is not valid UTF-8 is read as Windows-1252,
     * which is what Excel's plain "CSV" writes on UK machines.
     */
    static String decode(byte[] bytes) {
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    private static List<ImportColumn> header(CsvRow header) throws BadHeaderException {
        List<ImportColumn> columns = new ArrayList<>();
        for (String name : header.fields()) {
            ImportColumn column = ImportColumn.ofHeader(name).orElseThrow(() -> new BadHeaderException("the column '"
                    + shown(name) + "' is not one Despatch knows. Use " + known() + "."));
            if (columns.contains(column)) {
                throw new BadHeaderException("the column '" + column.header() + "' appears twice.");
            }
            columns.add(column);
        }
        if (!columns.contains(ImportColumn.EMAIL)) {
            throw new BadHeaderException("there is no email column. The first row must name the columns, e.g. email,name,lists.");
        }
        return columns;
    }

    private static Map<ImportColumn, String> values(List<ImportColumn> columns, CsvRow row) {
        Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < columns.size() && i < row.fields().size(); i++) {
            values.put(columns.get(i), row.fields().get(i));
        }
        return values;
    }

    private static String known() {
        return String.join(", ", java.util.Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList());
    }

    /** A value as the report repeats it: printable, and short. */
    private static String shown(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
    }

    static final class BadHeaderException extends Exception {
        BadHeaderException(String message) {
            super(message);
        }
    }
}
