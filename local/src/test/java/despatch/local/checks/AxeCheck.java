package despatch.local.checks;

import com.fasterxml.jackson.databind.JsonNode;
import despatch.local.browser.BrowserTab;
import despatch.local.stack.ProjectRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (npm, pinned in local/package.json) run inside the page a {@link BrowserTab} has open,
 * with every rule it has, reporting only what it rates serious or critical.
 */
final class AxeCheck {
    static final Path SCRIPT = Path.of("local", "node_modules", "axe-core", "axe.min.js");

    /** Runs axe on the open document; each failing rule once, with the elements it failed on. */
    private static final String RUN = run("{resultTypes: ['violations']}");

    /** Only the rules whose outcome depends on colour: contrast, and links told apart from text by colour. */
    private static final String RUN_COLOUR_RULES = run(
            "{resultTypes: ['violations'], runOnly: {type: 'rule', values: ['color-contrast', 'link-in-text-block']}}");

    /**
     * Every property the page's {@code prefers-color-scheme} blocks set: a block that sets only
     * colours changes no structure, so only the colour rules can judge the page differently there.
     */
    private static final String PROPERTIES_SET_BY_SCHEME = """
            [...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
                .filter(rule => rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-color-scheme'))
                .flatMap(media => [...media.cssRules])
                .flatMap(rule => rule.style ? [...rule.style] : ['not a style rule: ' + rule.cssText])""";

    private static String run(String options) {
        return "axe.run(document, " + options + ").then(results => results.violations" + """
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({rule: v.id, impact: v.impact, help: v.help,
                                targets: v.nodes.map(n => n.target.flat(Infinity).join(' '))})))""";
    }

    private final String source;

    /** One failing rule, as a line a person can act on. */
    record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + rule + ": " + help + " at " + String.join(", ", targets);
        }
    }

    private AxeCheck(String source) {
        this.source = source;
    }

    /** Reads axe from local/node_modules, where the local stack's first start installs it (npm ci). */
    static AxeCheck load() {
        Path script = ProjectRoot.find().resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("axe-core is not installed at " + script + ": run 'npm ci' in local/"
                    + " (the local stack does so when it first starts)");
        }
        try {
            return new AxeCheck(Files.readString(script, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical violations on the page the tab has open, by every rule. */
    List<Violation> seriousViolations(BrowserTab tab) {
        return violations(tab, RUN);
    }

    /** The same, by the rules that depend on colour: for a page already checked by every rule in another scheme. */
    List<Violation> seriousColourViolations(BrowserTab tab) {
        return violations(tab, RUN_COLOUR_RULES);
    }

    /** Each property a {@code prefers-color-scheme} block of the open page sets, as CSS longhands. */
    List<String> propertiesSetByColourScheme(BrowserTab tab) {
        List<String> properties = new ArrayList<>();
        tab.evaluate(PROPERTIES_SET_BY_SCHEME).forEach(property -> properties.add(property.asText()));
        return List.copyOf(properties);
    }

    private List<Violation> violations(BrowserTab tab, String run) {
        // Once per page load: a page checked in its second colour scheme has axe already.
        if (tab.evaluate("typeof axe === 'undefined'").asBoolean()) {
            tab.runScript(source, "axe-core");
        }
        JsonNode found = tab.evaluate(run);
        List<Violation> violations = new ArrayList<>();
        for (JsonNode violation : found) {
            List<String> targets = new ArrayList<>();
            violation.get("targets").forEach(target -> targets.add(target.asText()));
            violations.add(new Violation(violation.get("rule").asText(), violation.get("impact").asText(),
                    violation.get("help").asText(), List.copyOf(targets)));
        }
        return List.copyOf(violations);
    }
}
