package despatch.subscription.imports;

/** Where import files come from and their reports go (the uploads bucket's imports/ prefix, in AWS). */
public interface ImportFiles {
    /**
     * The file's bytes.
     *
     * @throws UnreadableFileException when the file cannot be imported at all, e.g. it is too large
     */
    byte[] read(String key);

    /** Writes the report beside the file. */
    void writeReport(String key, String report);
}
