package despatch.local.stack;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates intrinsic functions the way CloudFormation would for one stack: parameters take
 * their given or default values, pseudo parameters come from the {@link StackIdentity}, and
 * resources are named by {@link PhysicalNames}.
 */
final class IntrinsicResolver {

    /** {@code AWS::NoValue}: the property or list item is removed. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    /** ${Name}, ${Resource.Attribute} and the escaped literal ${!Text}. */
    static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final CloudFormationTemplate template;
    private final StackIdentity stack;
    private final PhysicalNames names;
    private final Map<String, Boolean> conditions = new HashMap<>();

    IntrinsicResolver(CloudFormationTemplate template, StackIdentity stack, URI sqsEndpoint) {
        this.template = template;
        this.stack = stack;
        this.names = new PhysicalNames(stack, this::resolveToString, sqsEndpoint);
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
                Object v = resolve(value);
                if (v != NO_VALUE) {
                    resolved.put(String.valueOf(key), v);
                }
            });
            return resolved;
        }
        if (node instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            for (Object item : list) {
                Object v = resolve(item);
                if (v != NO_VALUE) {
                    resolved.add(v);
                }
            }
            return resolved;
        }
        return node;
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
            case "Condition" -> condition(literal(arg, "Condition"));
            case "Fn::Sub" -> sub(arg);
            case "Fn::GetAtt" -> {
                List<?> parts = list(arg, "Fn::GetAtt", 2);
                yield getAtt(resolveToString(parts.get(0)), resolveToString(parts.get(1)));
            }
            case "Fn::Join" -> {
                List<?> parts = list(arg, "Fn::Join", 2);
                String delimiter = resolveToString(parts.get(0));
                List<String> texts = new ArrayList<>();
                for (Object item : list(resolve(parts.get(1)), "Fn::Join values", -1)) {
                    texts.add(text(item));
                }
                yield String.join(delimiter, texts);
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
            case "Fn::And" -> {
                boolean all = true;
                for (Object item : list(arg, "Fn::And", -1)) {
                    all &= bool(resolve(item), "Fn::And");
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (Object item : list(arg, "Fn::Or", -1)) {
                    any |= bool(resolve(item), "Fn::Or");
                }
                yield any;
            }
            case "Fn::FindInMap" -> {
                List<?> parts = list(arg, "Fn::FindInMap", 3);
                yield findInMap(resolveToString(parts.get(0)), resolveToString(parts.get(1)), resolveToString(parts.get(2)));
            }
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(resolveToString(arg).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(stack.region() + "a", stack.region() + "b", stack.region() + "c");
            case "Fn::Cidr" -> {
                List<?> parts = list(arg, "Fn::Cidr", 3);
                yield Ipv4Cidr.subnets(resolveToString(parts.get(0)),
                        Integer.parseInt(resolveToString(parts.get(1))), Integer.parseInt(resolveToString(parts.get(2))));
            }
            default -> throw new UnsupportedOperationException(in.function()
                    + " cannot be resolved outside CloudFormation (it needs other stacks or a macro)");
        };
    }

    private Object ref(String name) {
        switch (name) {
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
            case "AWS::StackId":
                return "arn:" + stack.partition() + ":cloudformation:" + stack.region() + ":" + stack.accountId()
                        + ":stack/" + stack.stackName() + "/00000000-0000-0000-0000-000000000000";
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return List.of();
            default:
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

    private Object findInMap(String mapName, String topKey, String secondKey) {
        Object map = template.section("Mappings").get(mapName);
        if (map instanceof Map<?, ?> top && top.get(topKey) instanceof Map<?, ?> second && second.containsKey(secondKey)) {
            return resolve(second.get(secondKey));
        }
        throw new IllegalArgumentException("Fn::FindInMap finds nothing at " + mapName + "/" + topKey + "/" + secondKey);
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
        if (value == NO_VALUE) {
            throw new IllegalArgumentException("AWS::NoValue used where a value is needed");
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

    /** Fn::Cidr for IPv4: consecutive subnets of 2^bits addresses from the block's start. */
    private static final class Ipv4Cidr {
        static List<String> subnets(String block, int count, int hostBits) {
            String[] addressAndPrefix = block.split("/");
            String[] octets = addressAndPrefix[0].split("\\.");
            if (octets.length != 4 || hostBits < 0 || hostBits > 32) {
                throw new UnsupportedOperationException("Fn::Cidr is resolved locally for IPv4 blocks only: " + block);
            }
            long base = 0;
            for (String octet : octets) {
                base = (base << 8) | Integer.parseInt(octet);
            }
            List<String> subnets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long start = base + ((long) i << hostBits);
                subnets.add(((start >> 24) & 255) + "." + ((start >> 16) & 255) + "." + ((start >> 8) & 255) + "." + (start & 255)
                        + "/" + (32 - hostBits));
            }
            return Collections.unmodifiableList(subnets);
        }
    }
}
