package despatch.console;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Imports in maps: the files the console put, and the reports a test writes beside them as the import would. */
public final class InMemoryImportUploads implements ImportUploads {
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();
    public final Map<String, String> reports = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] csv) {
        files.put(key, csv.clone());
    }

    @Override
    public Optional<String> report(String key) {
        return Optional.ofNullable(reports.get(key));
    }
}
