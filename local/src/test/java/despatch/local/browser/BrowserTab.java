package despatch.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One tab, used as a person would: pages load by navigation, clicks are mouse events at the
 * element's place on screen (so a hidden or covered control cannot be clicked), typing is text
 * input into the focused field. JavaScript is used only to find elements and read the page.
 */
public final class BrowserTab {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevToolsConnection devTools;
    private final String session;
    /** The emulated screen's width in CSS pixels, or 0 for the window's own. */
    private int viewportWidth;
    private int viewportHeight;

    BrowserTab(DevToolsConnection devTools, String session) {
        this.devTools = devTools;
        this.session = session;
    }

    void enable() {
        devTools.send(session, "Page.enable", null);
        devTools.send(session, "Runtime.enable", null);
    }

    /** Opens the address and waits for the page's load event. */
    public void open(String url) {
        CompletableFuture<JsonNode> loaded = devTools.nextEvent(session, "Page.loadEventFired");
        JsonNode navigation = devTools.send(session, "Page.navigate", DevToolsConnection.params().put("url", url));
        if (navigation.hasNonNull("errorText")) {
            throw new IllegalStateException("Could not open " + url + ": " + navigation.get("errorText").asText());
        }
        await(loaded, "the page at " + url + " to load");
    }

    /**
     * Clicks the element a JavaScript expression finds, e.g.
     * {@code document.querySelector('#email')}.
     */
    public void click(String elementExpression) {
        JsonNode box = evaluate("(() => { const e = " + elementExpression + ";"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}; })()");
        if (box == null || box.isNull()) {
            throw new AssertionError("Nothing on the page matches " + elementExpression);
        }
        if (box.get("w").asDouble() == 0 || box.get("h").asDouble() == 0) {
            throw new AssertionError("Not visible, so not clickable: " + elementExpression);
        }
        double x = box.get("x").asDouble();
        double y = box.get("y").asDouble();
        mouse("mouseMoved", x, y, 0);
        mouse("mousePressed", x, y, 1);
        mouse("mouseReleased", x, y, 1);
    }

    /** Clicks, then waits for the page the click leads to (a form submission, a link). */
    public void clickAndWaitForPage(String elementExpression) {
        CompletableFuture<JsonNode> loaded = devTools.nextEvent(session, "Page.loadEventFired");
        click(elementExpression);
        await(loaded, "the page after clicking " + elementExpression);
    }

    /** Chooses a file in the page's file input that a CSS selector finds, as a person does in the file picker. */
    public void chooseFile(String selector, java.nio.file.Path file) {
        int document = devTools.send(session, "DOM.getDocument", null).path("root").path("nodeId").asInt();
        int input = devTools.send(session, "DOM.querySelector", DevToolsConnection.params().put("nodeId", document).put("selector", selector))
                .path("nodeId").asInt();
        if (input == 0) {
            throw new AssertionError("Nothing on the page matches " + selector);
        }
        ObjectNode params = DevToolsConnection.params().put("nodeId", input);
        params.putArray("files").add(file.toAbsolutePath().toString());
        devTools.send(session, "DOM.setFileInputFiles", params);
    }

    /** Types into the focused field. */
    public void type(String text) {
        devTools.send(session, "Input.insertText", DevToolsConnection.params().put("text", text));
    }

    /** The trimmed text of the first element matching a CSS selector, or null. */
    public String text(String selector) {
        JsonNode text = evaluate("(() => { const e = document.querySelector(" + quote(selector) + ");"
                + " return e ? e.textContent.trim() : null; })()");
        return text == null || text.isNull() ? null : text.asText();
    }

    /** Runs an expression in the page and returns its value as JSON (null for undefined). */
    public JsonNode evaluate(String expression) {
        JsonNode result = devTools.send(session, "Runtime.evaluate",
                DevToolsConnection.params().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("The page could not evaluate " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").get("value");
    }

    /**
     * Runs a script in the open page, as a tool does (the page's Content-Security-Policy does
     * not apply): a library for the test to call, such as axe-core. Named, not quoted, on failure.
     */
    public void runScript(String source, String name) {
        JsonNode result = devTools.send(session, "Runtime.evaluate",
                DevToolsConnection.params().put("expression", source).put("returnByValue", false));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("The page could not run " + name + ": " + result.get("exceptionDetails"));
        }
    }

    /**
     * Lays pages out as on a screen this many CSS pixels wide and high, one device pixel per CSS
     * pixel. Below 600 px wide it is a phone: the page's meta viewport applies and scrollbars
     * overlay. Set it before opening the page.
     */
    public void emulateScreen(int width, int height) {
        devTools.send(session, "Emulation.setDeviceMetricsOverride", DevToolsConnection.params()
                .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", width < 600));
        viewportWidth = width;
        viewportHeight = height;
    }

    /** What the reader's system asks for in {@code prefers-color-scheme}: "light" or "dark". */
    public void emulateColourScheme(String scheme) {
        ObjectNode params = DevToolsConnection.params();
        params.putArray("features").addObject().put("name", "prefers-color-scheme").put("value", scheme);
        devTools.send(session, "Emulation.setEmulatedMedia", params);
    }

    /** A PNG of the whole page, top to bottom, as wide as the screen. */
    public byte[] screenshotOfWholePage() {
        JsonNode metrics = devTools.send(session, "Page.getLayoutMetrics", null);
        int width = viewportWidth > 0 ? viewportWidth : metrics.path("cssLayoutViewport").path("clientWidth").asInt();
        double height = Math.ceil(metrics.path("cssContentSize").path("height").asDouble());
        // Frames from another origin (the console's sandboxed previews) are painted only inside the
        // viewport, so the viewport is the whole page while the shot is taken.
        int screenHeight = viewportHeight;
        boolean taller = viewportWidth > 0 && height > screenHeight;
        if (taller) {
            emulateScreen(width, (int) height);
        }
        try {
            ObjectNode params = DevToolsConnection.params().put("format", "png").put("captureBeyondViewport", true);
            params.putObject("clip").put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
            return Base64.getDecoder().decode(devTools.send(session, "Page.captureScreenshot", params).get("data").asText());
        } finally {
            if (taller) {
                emulateScreen(width, screenHeight);
            }
        }
    }

    private void mouse(String type, double x, double y, int clickCount) {
        devTools.send(session, "Input.dispatchMouseEvent", DevToolsConnection.params().put("type", type).put("x", x).put("y", y)
                .put("button", clickCount > 0 ? "left" : "none").put("clickCount", clickCount));
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void await(CompletableFuture<JsonNode> event, String what) {
        try {
            event.join();
        } catch (CompletionException e) {
            throw new AssertionError("Timed out waiting for " + what, e.getCause());
        }
    }
}
