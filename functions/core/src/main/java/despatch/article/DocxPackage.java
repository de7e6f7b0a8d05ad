package despatch.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The parts of a Word document (.docx, a zip of XML parts) that an article needs, read with the
 * JDK's own zip reader and bounded before anything is inflated far: a document that is not a zip,
 * has thousands of parts, inflates past a limit (a zip bomb) or carries macros is refused with
 * the reason, and nothing in it is ever fetched from elsewhere.
 */
final class DocxPackage {
    /** A Word document with photographs is megabytes; text alone, far less. */
    static final int MAX_PARTS = 2000;
    static final long MAX_PART_BYTES = 16L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    static final String DOCUMENT = "word/document.xml";
    static final Set<String> READ = Set.of(DOCUMENT, "word/_rels/document.xml.rels", "word/numbering.xml", "word/styles.xml");
    /** Where Word, LibreOffice and Google Docs keep a document's pictures. */
    static final String MEDIA = "word/media/";

    private final Map<String, byte[]> parts;

    private DocxPackage(Map<String, byte[]> parts) {
        this.parts = parts;
    }

    static DocxPackage read(byte[] bytes) throws ArticleRejectedException {
        Map<String, byte[]> parts = new HashMap<>();
        int count = 0;
        long total = 0;
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                if (++count > MAX_PARTS) {
                    throw refused("it has more than " + MAX_PARTS + " parts, which no article needs");
                }
                String name = entry.getName();
                if (name.equalsIgnoreCase("word/vbaProject.bin")) {
                    throw refused("it contains macros. Save it as a Word Document (.docx) without macros and upload that");
                }
                long size = drain(zip, READ.contains(name) || name.startsWith(MEDIA) ? parts : null, name, MAX_PART_BYTES);
                total += size;
                if (total > MAX_TOTAL_BYTES) {
                    throw refused("it unpacks to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB");
                }
            }
        } catch (ZipException e) {
            throw notADocument();
        } catch (IOException e) {
            throw notADocument();
        }
        if (!any || !parts.containsKey(DOCUMENT)) {
            throw notADocument();
        }
        return new DocxPackage(parts);
    }

    /** Reads one part, counting what it inflates to and stopping at the limit; keeps it if asked. */
    private static long drain(InputStream part, Map<String, byte[]> keep, String name, long limit) throws IOException, ArticleRejectedException {
        java.io.ByteArrayOutputStream kept = keep == null ? null : new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        int read;
        while ((read = part.read(buffer)) > 0) {
            size += read;
            if (size > limit) {
                throw refused("its part " + name + " unpacks to more than " + limit / (1024 * 1024) + " MiB");
            }
            if (kept != null) {
                kept.write(buffer, 0, read);
            }
        }
        if (kept != null) {
            keep.put(name, kept.toByteArray());
        }
        return size;
    }

    byte[] part(String name) {
        return parts.get(name);
    }

    /** The pictures stored in the document, by part name. */
    Map<String, byte[]> media() {
        Map<String, byte[]> media = new HashMap<>();
        parts.forEach((name, bytes) -> {
            if (name.startsWith(MEDIA)) {
                media.put(name, bytes);
            }
        });
        return media;
    }

    private static ArticleRejectedException refused(String why) {
        return new ArticleRejectedException(new Problem("file", "This Word document was not read: " + why + "."));
    }

    private static ArticleRejectedException notADocument() {
        return new ArticleRejectedException(new Problem("file", "This file ends in .docx but is not a Word document (no readable"
                + " word/document.xml inside). Open it in Word, LibreOffice or Google Docs, save or download it as a Word Document"
                + " (.docx), and upload that."));
    }
}
