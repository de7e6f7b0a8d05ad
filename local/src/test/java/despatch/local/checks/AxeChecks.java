package despatch.local.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import despatch.local.browser.BrowserTab;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core finds no serious or critical accessibility violation on any page type or email, in
 * either colour scheme (every rule in light; in dark, whose styles set colours only, the rules that
 * judge colour), with each page served as it really is (its CSP applies). One browser for the
 * class. Run by {@link PageChecksTest}.
 */
abstract class AxeChecks {
    private static PageBrowser browser;
    private static BrowserTab tab;
    private static AxeCheck axe;
    /** The page the tab has open: its second scheme is checked in place, the scheme switched live. */
    private static PageToCheck open;

    @BeforeAll
    static void start() {
        browser = PageBrowser.shared();
        tab = browser.newTab();
        axe = AxeCheck.load();
    }

    static List<Arguments> everyPageInBothSchemes() {
        List<Arguments> cases = new ArrayList<>();
        for (PageToCheck page : PageTypes.all()) {
            for (ColourScheme scheme : ColourScheme.values()) {
                cases.add(Arguments.of(page, scheme));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyPageInBothSchemes")
    void hasNoSeriousOrCriticalViolation(PageToCheck page, ColourScheme scheme) {
        tab.emulateColourScheme(scheme.cssValue());
        if (page != open) {
            tab.open(browser.server.url(page).toString());
            open = page;
        }
        List<AxeCheck.Violation> violations;
        if (scheme == ColourScheme.LIGHT) {
            violations = axe.seriousViolations(tab);
        } else {
            // What the dark scheme changes is colour alone, so the colour rules are the ones left to judge it.
            List<String> notColours = axe.propertiesSetByColourScheme(tab).stream().filter(property -> !isColour(property)).toList();
            assertEquals(List.of(), notColours, () -> page.name() + "'s colour-scheme styles set more than colours:"
                    + " check the page with every axe rule in both schemes");
            violations = axe.seriousColourViolations(tab);
        }
        assertEquals(List.of(), violations, () -> page.name() + " (" + scheme.cssValue() + ") fails axe:\n"
                + String.join("\n", violations.stream().map(AxeCheck.Violation::toString).toList()));
    }

    /** A custom property (the pages' palette) or a property that names a colour: color, background-color, border-top-color, …. */
    private static boolean isColour(String property) {
        return property.startsWith("--") || property.equals("color") || property.endsWith("-color");
    }

    @Test
    void catchesAnInputWithoutALabelUnderTheApisContentSecurityPolicy() {
        PageToCheck unlabelled = new PageToCheck("unlabelled-input", PageToCheck.Kind.WEB_PAGE, """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head><meta charset="utf-8"><title>Sign up</title></head>
                <body><main><h1>Sign up</h1><form><input type="email" name="email"><button>Go</button></form></main></body>
                </html>
                """, PageTypes.named("subscribe").headers());
        try (PageServer own = PageServer.start(List.of(unlabelled))) {
            tab.emulateColourScheme(ColourScheme.LIGHT.cssValue());
            tab.open(own.url(unlabelled).toString());
            open = unlabelled;
            List<AxeCheck.Violation> violations = axe.seriousViolations(tab);
            assertTrue(violations.stream().anyMatch(v -> v.rule().equals("label") && v.targets().contains("input")),
                    "axe reports the unlabelled input: " + violations);
        }
    }
}
