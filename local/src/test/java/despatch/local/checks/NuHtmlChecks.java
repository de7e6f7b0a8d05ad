package despatch.local.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every web page type conforms to HTML as the W3C Nu HTML Checker judges it: zero errors.
 * Warnings and info are printed for a person to weigh, and do not fail. Run by {@link PageChecksTest}.
 */
abstract class NuHtmlChecks {
    private static HtmlChecker checker;

    @BeforeAll
    static void loadTheChecker() {
        checker = new HtmlChecker();
    }

    static List<PageToCheck> webPages() {
        return PageTypes.webPages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webPages")
    void hasNoNuError(PageToCheck page) {
        HtmlChecker.Findings findings = checker.check(page.name(), page.html());
        findings.warnings().forEach(warning -> System.out.println("Nu warning: " + warning));
        assertEquals(List.of(), findings.errors(), () -> page.name() + " has Nu errors:\n" + String.join("\n", findings.errors()));
    }

    @Test
    void catchesADuplicateId() {
        List<String> errors = checker.errors("duplicate-id", """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head><meta charset="utf-8"><title>Two of one id</title></head>
                <body><p id="intro">One</p><p id="intro">Two</p></body>
                </html>
                """);
        assertEquals(1, errors.size(), () -> String.join("\n", errors));
        assertTrue(errors.getFirst().contains("Duplicate ID “intro”"), errors.getFirst());
        assertTrue(errors.getFirst().startsWith("duplicate-id:4:"), "names the document and the line: " + errors.getFirst());
    }

    @Test
    void acceptsAMinimalConformingPage() {
        assertEquals(List.of(), checker.errors("minimal", """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head><meta charset="utf-8"><title>Fine</title></head>
                <body><p>Nothing wrong here.</p></body>
                </html>
                """));
    }
}
