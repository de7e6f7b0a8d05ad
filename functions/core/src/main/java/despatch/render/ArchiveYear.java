package despatch.render;

/** One year on the archive's index page. */
public record ArchiveYear(int year, String url, int count) {
}
