package despatch.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * template.yaml, read with CloudFormation's short-form tags and resolved for one stack. The local
 * stack creates its buckets, tables and queues from it, and the local runner gives each handler
 * exactly the environment SAM would give it ({@link #environmentFor}), so nothing is restated in
 * Java that could drift from what is deployed.
 */
public final class CloudFormationTemplate {

    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

    private final Map<String, Object> document;
    private final StackIdentity stack;
    private final Map<String, String> parameterOverrides;
    private final URI sqsEndpoint;
    private final LocalIdentityProvider.Settings identityProvider;
    private final Map<String, TemplateResource> resources;
    private final IntrinsicResolver resolver;

    private CloudFormationTemplate(Map<String, Object> document, StackIdentity stack,
                                   Map<String, String> parameterOverrides, URI sqsEndpoint,
                                   LocalIdentityProvider.Settings identityProvider) {
        this.document = document;
        this.stack = stack;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
        this.sqsEndpoint = sqsEndpoint;
        this.identityProvider = identityProvider;
        this.resources = readResources(document);
        refuseUnresolvableIntrinsics(document);
        for (String name : this.parameterOverrides.keySet()) {
            if (!section("Parameters").containsKey(name)) {
                throw new IllegalArgumentException("The template has no parameter named " + name);
            }
        }
        this.resolver = new IntrinsicResolver(this, stack, sqsEndpoint, identityProvider);
    }

    /** The template resolved as the local stack: {@link StackIdentity#LOCAL}, parameter defaults. */
    public static CloudFormationTemplate load(Path templateFile) {
        return load(templateFile, StackIdentity.LOCAL, Map.of());
    }

    public static CloudFormationTemplate load(Path templateFile, StackIdentity stack, Map<String, String> parameterValues) {
        try {
            return parse(Files.readString(templateFile, StandardCharsets.UTF_8), stack, parameterValues);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + templateFile, e);
        }
    }

    public static CloudFormationTemplate parse(String yaml, StackIdentity stack, Map<String, String> parameterValues) {
        return new CloudFormationTemplate(CloudFormationYaml.parse(yaml), stack, parameterValues, null, null);
    }

    /**
     * The same template with queue URLs ({@code !Ref Queue}) pointing at a local SQS endpoint
     * instead of AWS's, in the {@code <endpoint>/<account>/<name>} shape ElasticMQ uses.
     */
    public CloudFormationTemplate withSqsEndpoint(URI endpoint) {
        return new CloudFormationTemplate(document, stack, parameterOverrides, endpoint, identityProvider);
    }

    /**
     * The same template with the Cognito user pool client standing for the local identity
     * provider's client: its {@code !Ref} is that client's id and its {@code ClientSecret} that
     * client's secret, as a running stack made them up.
     */
    CloudFormationTemplate withIdentityProvider(LocalIdentityProvider.Settings provider) {
        return new CloudFormationTemplate(document, stack, parameterOverrides, sqsEndpoint, provider);
    }

    public StackIdentity stack() {
        return stack;
    }

    /** The whole document, unresolved and unmodifiable. */
    public Map<String, Object> document() {
        return document;
    }

    /** A top-level section (Parameters, Globals, Resources, Outputs, …), or an empty map. */
    public Map<String, Object> section(String name) {
        return asMap(document.get(name), name);
    }

    /** Every parameter with the value it takes here: the given value, else its default. */
    public Map<String, String> parameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : section("Parameters").keySet()) {
            values.put(name, parameterValue(name));
        }
        return values;
    }

    public String parameterValue(String name) {
        String given = parameterOverrides.get(name);
        if (given != null) {
            return given;
        }
        Map<String, Object> definition = asMap(section("Parameters").get(name), "Parameters." + name);
        if (!definition.containsKey("Default")) {
            throw new IllegalArgumentException("Parameter " + name + " has no default: give it a value");
        }
        return IntrinsicResolver.text(definition.get("Default"));
    }

    /** Every declared resource by logical id, in template order, whatever its condition. */
    public Map<String, TemplateResource> resources() {
        return resources;
    }

    public TemplateResource resource(String logicalId) {
        TemplateResource resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("The template declares no resource " + logicalId);
        }
        return resource;
    }

    /** The resources of one type that this stack would create (their Condition, if any, holds). */
    public List<TemplateResource> resourcesOfType(String type) {
        List<TemplateResource> matching = new ArrayList<>();
        for (TemplateResource resource : resources.values()) {
            if (resource.type().equals(type) && (resource.condition() == null || resolver.condition(resource.condition()))) {
                matching.add(resource);
            }
        }
        return matching;
    }

    /** Any value with its intrinsics evaluated for this stack. */
    public Object resolve(Object node) {
        return resolver.resolve(node);
    }

    public String resolveToString(Object node) {
        return resolver.resolveToString(node);
    }

    /** The physical name: BucketName, TableName, QueueName… as resolved, or a stable generated one. */
    public String physicalName(String logicalId) {
        return resolver.names().name(resource(logicalId));
    }

    /** What {@code !Ref LogicalId} gives: a name for buckets and tables, a URL for queues. */
    public String ref(String logicalId) {
        return resolveToString(new Intrinsic("Ref", logicalId));
    }

    public String getAtt(String logicalId, String attribute) {
        return resolveToString(new Intrinsic("Fn::GetAtt", List.of(logicalId, attribute)));
    }

    /**
     * A SAM function's property as SAM applies it: the function's own value, else the value in
     * Globals.Function, else null. Unresolved.
     */
    public Object functionProperty(String functionLogicalId, String property) {
        TemplateResource function = function(functionLogicalId);
        Object own = function.property(property);
        return own != null ? own : globalsFunction().get(property);
    }

    /**
     * The environment SAM gives the function: Globals.Function.Environment.Variables merged with
     * the function's own (the function's value wins), every value resolved to a string.
     */
    public Map<String, String> environmentFor(String functionLogicalId) {
        TemplateResource function = function(functionLogicalId);
        Map<String, Object> merged = new LinkedHashMap<>(environmentVariables(globalsFunction().get("Environment")));
        merged.putAll(environmentVariables(function.property("Environment")));
        Map<String, String> environment = new LinkedHashMap<>();
        merged.forEach((name, value) -> {
            Object resolved = resolve(value);
            if (resolved != IntrinsicResolver.NO_VALUE) {
                environment.put(name, IntrinsicResolver.text(resolved));
            }
        });
        return Collections.unmodifiableMap(environment);
    }

    /** The logical ids of every AWS::Serverless::Function the stack creates. */
    public List<String> functionIds() {
        return resourcesOfType(SERVERLESS_FUNCTION).stream().map(TemplateResource::logicalId).toList();
    }

    /**
     * Every name the template refers to through {@code !Ref}, {@code !GetAtt} or a {@code ${…}} in
     * {@code !Sub} (explicit !Sub variables excepted): parameters, resources and pseudo parameters.
     * A {@code !GetAtt A.B} or {@code !Ref F.Alias} contributes {@code A} / {@code F}.
     */
    public Set<String> referencedNames() {
        Set<String> names = new LinkedHashSet<>();
        collectReferences(document, names);
        return names;
    }

    private static void collectReferences(Object node, Set<String> names) {
        if (node instanceof Intrinsic in) {
            switch (in.function()) {
                case "Ref" -> names.add(beforeDot(String.valueOf(in.argument())));
                case "Fn::GetAtt" -> {
                    if (in.argument() instanceof List<?> parts && parts.get(0) instanceof String resource) {
                        names.add(resource);
                    }
                }
                case "Fn::Sub" -> {
                    Object pattern = in.argument() instanceof List<?> parts ? parts.get(0) : in.argument();
                    Set<?> explicit = in.argument() instanceof List<?> parts && parts.size() > 1 && parts.get(1) instanceof Map<?, ?> vars
                            ? vars.keySet() : Set.of();
                    Matcher matcher = IntrinsicResolver.SUB_VARIABLE.matcher(String.valueOf(pattern));
                    while (matcher.find()) {
                        String variable = matcher.group(1).strip();
                        if (!variable.startsWith("!") && !explicit.contains(variable)) {
                            names.add(variable.startsWith("AWS::") ? variable : beforeDot(variable));
                        }
                    }
                }
                default -> {
                }
            }
            collectReferences(in.argument(), names);
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectReferences(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, names));
        }
    }

    private static String beforeDot(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private TemplateResource function(String functionLogicalId) {
        TemplateResource function = resource(functionLogicalId);
        if (!function.type().equals(SERVERLESS_FUNCTION)) {
            throw new IllegalArgumentException(functionLogicalId + " is a " + function.type() + ", not a " + SERVERLESS_FUNCTION);
        }
        return function;
    }

    private Map<String, Object> globalsFunction() {
        return asMap(section("Globals").get("Function"), "Globals.Function");
    }

    private Map<String, Object> environmentVariables(Object environment) {
        if (environment == null) {
            return Map.of();
        }
        Object variables = asMap(resolveIfIntrinsic(environment), "Environment").get("Variables");
        return asMap(resolveIfIntrinsic(variables), "Environment.Variables");
    }

    private Object resolveIfIntrinsic(Object node) {
        return node instanceof Intrinsic ? resolve(node) : node;
    }

    /**
     * Everything the local stack resolves (resources, Globals, Conditions) is checked on reading,
     * so a function it does not resolve fails here, named with where it is, not half-way through
     * starting the stack. Outputs are only resolved on request.
     */
    private static void refuseUnresolvableIntrinsics(Map<String, Object> document) {
        Map<String, Object> places = new LinkedHashMap<>();
        asMap(document.get("Resources"), "Resources").forEach((logicalId, definition) -> places.put("resource " + logicalId, definition));
        places.put("Globals", document.get("Globals"));
        asMap(document.get("Conditions"), "Conditions").forEach((name, definition) -> places.put("condition " + name, definition));
        places.forEach((place, node) -> IntrinsicResolver.firstUnresolvable(node).ifPresent(function -> {
            throw new IllegalArgumentException("template.yaml, " + place + ": " + IntrinsicResolver.unresolvable(function));
        }));
    }

    private static Map<String, TemplateResource> readResources(Map<String, Object> document) {
        Map<String, TemplateResource> resources = new LinkedHashMap<>();
        asMap(document.get("Resources"), "Resources").forEach((logicalId, definition) -> {
            Map<String, Object> body = asMap(definition, "Resources." + logicalId);
            if (!(body.get("Type") instanceof String type)) {
                throw new IllegalArgumentException("Resource " + logicalId + " has no Type");
            }
            Object condition = body.get("Condition");
            resources.put(logicalId, new TemplateResource(logicalId, type,
                    asMap(body.get("Properties"), "Resources." + logicalId + ".Properties"),
                    condition == null ? null : String.valueOf(condition)));
        });
        return Collections.unmodifiableMap(resources);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " should be a mapping, got: " + value);
    }
}
