package despatch.local.serve;

import despatch.local.stack.CloudFormationTemplate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The routes API Gateway creates for functions' {@code HttpApi} events in template.yaml, and
 * how an HTTP API picks one for a request: an exact path before one with {@code {variables}},
 * those before a greedy {@code {proxy+}}, a named method before {@code ANY}, and {@code $default}
 * (an event without Method and Path) only when nothing else matches.
 */
public final class HttpApiRoutes {
    static final String DEFAULT_ROUTE = "$default";

    private final String defaultFunction;
    private final List<Route> routes;
    private final boolean hasDefault;

    private HttpApiRoutes(String defaultFunction, List<Route> routes, boolean hasDefault) {
        this.defaultFunction = defaultFunction;
        this.routes = List.copyOf(routes);
        this.hasDefault = hasDefault;
    }

    /** A route that matched, the function it leads to, and the values of its path variables. */
    public record Match(String routeKey, String function, Map<String, String> pathParameters) {

        /** Whether it is a greedy route at the root ({@code /{proxy+}}), which takes whatever no other route does. */
        public boolean catchAll() {
            return routeKey.matches("\\S+ /\\{[^/]+\\+}");
        }
    }

    private record Route(String function, String method, String path, List<String> segments) {
        String routeKey() {
            return method + " " + path;
        }

        boolean greedy() {
            return !segments.isEmpty() && segments.getLast().endsWith("+}");
        }

        long variables() {
            return segments.stream().filter(Route::isVariable).count();
        }

        long literals() {
            return segments.size() - variables();
        }

        static boolean isVariable(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }

        Optional<Map<String, String>> match(String requestMethod, List<String> requestSegments) {
            if (!method.equals("ANY") && !method.equals(requestMethod)) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (greedy() && i == segments.size() - 1) {
                    List<String> rest = requestSegments.subList(Math.min(i, requestSegments.size()), requestSegments.size());
                    if (rest.isEmpty() || String.join("", rest).isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segment.substring(1, segment.length() - 2), decode(String.join("/", rest)));
                    return Optional.of(parameters);
                }
                if (i >= requestSegments.size()) {
                    return Optional.empty();
                }
                String given = requestSegments.get(i);
                if (isVariable(segment)) {
                    if (given.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(segment.substring(1, segment.length() - 1), decode(given));
                } else if (!segment.equals(given)) {
                    return Optional.empty();
                }
            }
            return segments.size() == requestSegments.size() ? Optional.of(parameters) : Optional.empty();
        }
    }

    /**
     * The routes of the functions' events of Type HttpApi, as SAM would create them on one API.
     * A {@code $default} route (an event without Method and Path) leads to the first function.
     */
    public static HttpApiRoutes of(CloudFormationTemplate template, String... functionIds) {
        List<Route> routes = new ArrayList<>();
        boolean hasDefault = false;
        for (String functionId : functionIds) {
            hasDefault |= addRoutes(template, functionId, routes);
        }
        return new HttpApiRoutes(functionIds[0], routes, hasDefault);
    }

    /** @return whether the function has a $default route */
    private static boolean addRoutes(CloudFormationTemplate template, String functionId, List<Route> routes) {
        boolean hasDefault = false;
        int before = routes.size();
        Object events = template.resource(functionId).property("Events");
        if (events instanceof Map<?, ?> byName) {
            for (Map.Entry<?, ?> entry : byName.entrySet()) {
                if (!(entry.getValue() instanceof Map<?, ?> event) || !"HttpApi".equals(event.get("Type"))) {
                    continue;
                }
                Map<?, ?> properties = event.get("Properties") instanceof Map<?, ?> p ? p : Map.of();
                Object method = properties.get("Method");
                Object path = properties.get("Path");
                if (method == null && path == null) {
                    hasDefault = true;
                    continue;
                }
                if (method == null || path == null) {
                    throw new IllegalArgumentException(functionId + " event " + entry.getKey() + " needs both Method and Path (or neither)");
                }
                String resolvedPath = template.resolveToString(path);
                routes.add(new Route(functionId, template.resolveToString(method).toUpperCase(Locale.ROOT), resolvedPath, segments(resolvedPath)));
            }
        }
        if (routes.size() == before && !hasDefault) {
            throw new IllegalArgumentException(functionId + " has no HttpApi events in the template");
        }
        return hasDefault;
    }

    /** Route keys as API Gateway shows them, e.g. "GET /subscribe". */
    public List<String> routeKeys() {
        List<String> keys = new ArrayList<>(routes.stream().map(Route::routeKey).toList());
        if (hasDefault) {
            keys.add(DEFAULT_ROUTE);
        }
        return keys;
    }

    /** @param rawPath the path as sent, still percent-encoded */
    public Optional<Match> match(String method, String rawPath) {
        List<String> requestSegments = segments(rawPath);
        String upperMethod = method.toUpperCase(Locale.ROOT);
        Comparator<Route> mostSpecificFirst = Comparator.comparing(Route::greedy)
                .thenComparingLong(Route::variables)
                .thenComparing(Comparator.comparingLong(Route::literals).reversed())
                .thenComparing(route -> route.method().equals("ANY"));
        return routes.stream()
                .sorted(mostSpecificFirst)
                .flatMap(route -> route.match(upperMethod, requestSegments).map(p -> new Match(route.routeKey(), route.function(), p))
                        .stream())
                .findFirst()
                .or(() -> hasDefault ? Optional.of(new Match(DEFAULT_ROUTE, defaultFunction, Map.of())) : Optional.empty());
    }

    /**
     * Whether a route other than a greedy catch-all names this path, for some method: a path of
     * the API's own, which a wrong method still reaches through the catch-all (for the function's 405).
     */
    public boolean namesPath(String rawPath) {
        List<String> requestSegments = segments(rawPath);
        return routes.stream().filter(route -> !route.greedy())
                .anyMatch(route -> route.match(route.method(), requestSegments).isPresent());
    }

    private static List<String> segments(String path) {
        String withoutSlash = path.startsWith("/") ? path.substring(1) : path;
        return List.of(withoutSlash.split("/", -1));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
