package despatch.subscription.imports;

/** A row that was not imported, and why, with the row as the file numbers it (the header is row 1). */
public record RowProblem(int row, String email, String reason) {
}
