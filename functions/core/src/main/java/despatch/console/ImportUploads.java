package despatch.console;

import java.util.Optional;

/**
 * Subscriber spreadsheets uploaded through the console: put under imports/, where the upload
 * event starts the same import as an upload to S3, and the report it leaves beside the file.
 */
public interface ImportUploads {

    void put(String key, byte[] csv);

    /** The import's report, once the import has written it. */
    Optional<String> report(String key);
}
