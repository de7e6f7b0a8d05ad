package despatch.local.checks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nu.validator.checker.InfoAwareErrorHandler;
import nu.validator.validation.SimpleDocumentValidator;
import org.apache.log4j.BasicConfigurator;
import org.apache.log4j.Logger;
import org.apache.log4j.varia.NullAppender;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (nu.validator:validator), in this JVM and offline: its schemas ship
 * inside the jar. Checks text/html against {@value #SCHEMA}, the schema the online checker and
 * vnu.jar use for HTML, plus the checker's own assertions (ids, ARIA, tables, inline CSS).
 * Loading the schemas costs far more than a check, so build one and reuse it; one check at a time.
 */
final class HtmlChecker {
    static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";
    private static final long DEEP_STACK_BYTES = 16L * 1024 * 1024;

    private final Collector collector = new Collector();
    private final SimpleDocumentValidator validator;

    /** What the checker said about one document; only errors make it non-conforming. */
    record Findings(List<String> errors, List<String> warnings) {
    }

    HtmlChecker() {
        // The checker writes a debug log through log4j 1.2 that nothing here reads; with no appender at all log4j complains on stderr.
        if (!Logger.getRootLogger().getAllAppenders().hasMoreElements()) {
            BasicConfigurator.configure(new NullAppender());
        }
        // No log4j set-up of its own, no URL logging, no language guessing (warnings only, and slow to load).
        validator = new SimpleDocumentValidator(false, false, false);
        onDeepStack(() -> {
            validator.setUpMainSchema(SCHEMA, new SchemaErrors());
            // Buffered, not streamed: a streaming parser gives up on some conforming documents; ours are small.
            validator.setUpValidatorAndParsers(collector, true, false);
            return null;
        }, "load its HTML schema " + SCHEMA);
    }

    /** Every error, as "name:line:column: message". */
    List<String> errors(String name, String html) {
        return check(name, html).errors();
    }

    synchronized Findings check(String name, String html) {
        return onDeepStack(() -> {
            collector.start(name);
            try {
                validator.checkHtmlInputSource(new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
            } catch (SAXException e) {
                collector.errors.add(name + ": the checker stopped: " + e.getMessage());
            }
            return new Findings(List.copyOf(collector.errors), List.copyOf(collector.warnings));
        }, "check " + name);
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    /**
     * The RELAX NG engine recurses once per nested choice in the HTML schema, deeper than a
     * default 1 MB thread stack allows (StackOverflowError while loading it). A thread of its own
     * with a large stack (2 MB is enough today; 16 MB leaves room) gives the checker that without
     * raising -Xss for every test thread.
     */
    private static <T> T onDeepStack(Work<T> work, String what) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.run());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "nu-checker", DEEP_STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the Nu checker tried to " + what, e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The Nu checker could not " + what, failure.get());
        }
        return result.get();
    }

    /** Gathers one document's messages; info messages (e.g. a trailing slash on a void element) count as warnings. */
    private static final class Collector implements InfoAwareErrorHandler {
        private final List<String> errors = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private String name;

        void start(String documentName) {
            name = documentName;
            errors.clear();
            warnings.clear();
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(format(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(format(e));
        }

        @Override
        public void warning(SAXParseException e) {
            warnings.add(format(e));
        }

        @Override
        public void info(SAXParseException e) {
            warnings.add(format(e));
        }

        private String format(SAXParseException e) {
            return name + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
        }
    }

    /** The bundled schema is the checker's own; an error in it is a broken install, never the page's fault. */
    private static final class SchemaErrors implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
