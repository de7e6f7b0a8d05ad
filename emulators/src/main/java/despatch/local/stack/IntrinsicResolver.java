package despatch.local.stack;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates intrinsic functions the way CloudFormation would for one stack: parameters take
 * their given or default values, pseudo parameters come from the {@link StackIdentity}, and
 * resources are named by {@link PhysicalNames}. Only what template.yaml uses is resolved; any
 * other function is refused by name rather than half-supported.
 */
final class IntrinsicResolver {

    /** The functions template.yaml uses. */
    static final Set<String> RESOLVED = Set.of("Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Select", "Fn::Split", "Fn::If", "Fn::Equals",
            "Fn::Not");

    /** ${Name}, ${Resource.Attribute} and the escaped literal ${!Text}. */
    static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final CloudFormationTemplate template;
    private final StackIdentity stack;
    private final PhysicalNames names;
    private final Map<String, Boolean> conditions = new HashMap<>();

    IntrinsicResolver(CloudFormationTemplate template, StackIdentity stack, URI sqsEndpoint,
            LocalIdentityProvider.Settings identityProvider) {
        this.template = template;
        this.stack = stack;
        this.names = new PhysicalNames(stack, this::resolveToString, sqsEndpoint, identityProvider);
    }

    PhysicalNames names() {
        return names;
    }

    /** The value with every intrinsic evaluated; maps and lists are copied. */
    Object resolve(Object node) {
        if (node instanceof Intrinsic intrinsic) {
            return evaluate(intrinsic);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                Object result = resolve(value);
                // !Ref AWS::NoValue removes the property, as CloudFormation does.
                if (result != NO_VALUE) {
                    resolved.put(String.valueOf(key), result);
                }
            });
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            for (Object item : list) {
                resolved.add(resolve(item));
            }
            return resolved;
        }
        return node;
    }

    /** The first function in the value, however deep, that {@link #resolve} would refuse. */
    static Optional<String> firstUnresolvable(Object node) {
        if (node instanceof Intrinsic in) {
            return RESOLVED.contains(in.function()) ? firstUnresolvable(in.argument()) : Optional.of(in.function());
        }
        Collection<?> children = node instanceof Map<?, ?> map ? map.values() : node instanceof List<?> list ? list : List.of();
        return children.stream().map(IntrinsicResolver::firstUnresolvable).flatMap(Optional::stream).findFirst();
    }

    static String unresolvable(String function) {
        return function + " is not resolved by the local stack, which resolves only what template.yaml uses: "
                + String.join(", ", new TreeSet<>(RESOLVED));
    }

    String resolveToString(Object node) {
        return text(resolve(node));
    }

    boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        Object definition = template.section("Conditions").get(name);
        if (definition == null) {
            throw new IllegalArgumentException("No condition named " + name + " in the template");
        }
        boolean holds = bool(resolve(definition), "condition " + name);
        conditions.put(name, holds);
        return holds;
    }

    private Object evaluate(Intrinsic in) {
        Object arg = in.argument();
        return switch (in.function()) {
            case "Ref" -> ref(literal(arg, "Ref"));
            case "Fn::Sub" -> sub(arg);
            case "Fn::GetAtt" -> {
                List<?> parts = list(arg, "Fn::GetAtt", 2);
                yield getAtt(resolveToString(parts.get(0)), resolveToString(parts.get(1)));
            }
            case "Fn::Select" -> {
                List<?> parts = list(arg, "Fn::Select", 2);
                int index = Integer.parseInt(resolveToString(parts.get(0)));
                List<?> from = list(resolve(parts.get(1)), "Fn::Select list", -1);
                if (index < 0 || index >= from.size()) {
                    throw new IllegalArgumentException("Fn::Select index " + index + " is outside a list of " + from.size());
                }
                yield from.get(index);
            }
            case "Fn::Split" -> {
                List<?> parts = list(arg, "Fn::Split", 2);
                String delimiter = resolveToString(parts.get(0));
                String source = resolveToString(parts.get(1));
                yield List.of(source.split(Pattern.quote(delimiter), -1));
            }
            case "Fn::If" -> {
                List<?> parts = list(arg, "Fn::If", 3);
                yield condition(resolveToString(parts.get(0))) ? resolve(parts.get(1)) : resolve(parts.get(2));
            }
            case "Fn::Equals" -> {
                List<?> parts = list(arg, "Fn::Equals", 2);
                yield text(resolve(parts.get(0))).equals(text(resolve(parts.get(1))));
            }
            case "Fn::Not" -> !bool(resolve(list(arg, "Fn::Not", 1).get(0)), "Fn::Not");
            default -> throw new UnsupportedOperationException(unresolvable(in.function()));
        };
    }

    /** What {@code !Ref AWS::NoValue} gives: the property that holds it is left out. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private Object ref(String name) {
        switch (name) {
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::StackName":
                return stack.stackName();
            case "AWS::Region":
                return stack.region();
            case "AWS::AccountId":
                return stack.accountId();
            case "AWS::Partition":
                return stack.partition();
            case "AWS::URLSuffix":
                return stack.urlSuffix();
            default:
                if (name.startsWith("AWS::")) {
                    throw new UnsupportedOperationException(name + " is not resolved by the local stack, which resolves only the "
                            + "pseudo parameters template.yaml uses: AWS::AccountId, AWS::NoValue, AWS::Partition, AWS::Region, AWS::StackName, "
                            + "AWS::URLSuffix");
                }
                break;
        }
        if (template.section("Parameters").containsKey(name)) {
            return template.parameterValue(name);
        }
        TemplateResource resource = template.resources().get(name);
        if (resource != null) {
            return names.ref(resource);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            TemplateResource function = template.resources().get(name.substring(0, dot));
            if (function != null && function.type().equals("AWS::Serverless::Function")) {
                Object alias = template.functionProperty(function.logicalId(), "AutoPublishAlias");
                if (alias == null) {
                    throw new IllegalArgumentException("!Ref " + name + " needs AutoPublishAlias on " + function.logicalId());
                }
                return names.refOfFunctionProperty(function, name.substring(dot + 1), alias);
            }
        }
        throw new IllegalArgumentException("!Ref " + name + " names no parameter, resource or pseudo parameter");
    }

    private Object getAtt(String logicalId, String attribute) {
        TemplateResource resource = template.resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("!GetAtt " + logicalId + "." + attribute + " names no resource");
        }
        return names.getAtt(resource, attribute);
    }

    private String sub(Object arg) {
        String pattern;
        Map<String, Object> variables = Map.of();
        if (arg instanceof List<?> parts) {
            pattern = literal(parts.get(0), "Fn::Sub");
            if (parts.size() > 1 && parts.get(1) instanceof Map<?, ?> given) {
                Map<String, Object> resolved = new HashMap<>();
                given.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v)));
                variables = resolved;
            }
        } else {
            pattern = literal(arg, "Fn::Sub");
        }
        Matcher matcher = SUB_VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1).strip();
            String replacement;
            if (variable.startsWith("!")) {
                replacement = "${" + variable.substring(1) + "}";
            } else if (variables.containsKey(variable)) {
                replacement = text(variables.get(variable));
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                int dot = variable.indexOf('.');
                replacement = text(getAtt(variable.substring(0, dot), variable.substring(dot + 1)));
            } else {
                replacement = text(ref(variable));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Text as CloudFormation gives it in a string context: numbers without exponent, true/false. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        throw new IllegalArgumentException("Expected a single value, got: " + value);
    }

    private static String literal(Object arg, String function) {
        if (arg instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(function + " needs a literal string, got: " + arg);
    }

    private static List<?> list(Object arg, String function, int size) {
        if (arg instanceof List<?> list && (size < 0 || list.size() == size)) {
            return list;
        }
        throw new IllegalArgumentException(function + " needs a list" + (size < 0 ? "" : " of " + size) + ", got: " + arg);
    }

    private static boolean bool(Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(where + " needs a condition, got: " + value);
    }
}
