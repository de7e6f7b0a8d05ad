package despatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import despatch.local.stack.CloudFormationTemplate;
import despatch.local.stack.Intrinsic;
import despatch.local.stack.ProjectRoot;
import despatch.local.stack.TemplateResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every function's permissions, exactly as docs/permissions.md tables them: each action on each
 * resource (a key prefix, an index, one queue), with its condition. A grant the table does not
 * list (a broader resource, another action, a policy template) fails here, and so does a row the
 * template no longer grants.
 */
class PermissionsTableTest {
    private static final Path ROOT = ProjectRoot.find();
    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.load(ROOT.resolve("template.yaml"));
    private static final Pattern ROW = Pattern.compile("^\\| (\\w+Function) \\| `([^`]+)` \\| `([^`]+)` \\|(?: ([^|]*) \\|)?.*$");
    private static final Pattern ARN_PREFIX = Pattern.compile("^arn:\\$\\{AWS::Partition}:[a-z0-9-]+:(\\$\\{AWS::Region})?:(\\$\\{AWS::AccountId})?:");

    /** Function | action | resource | condition, for every Allow the template gives a function in its Policies. */
    static Set<String> granted() {
        Set<String> rows = new TreeSet<>();
        for (String function : TEMPLATE.functionIds()) {
            Object policies = TEMPLATE.resource(function).property("Policies");
            for (Object policy : policies instanceof List<?> list ? list : List.of(policies)) {
                for (Object statement : statements(function, policy)) {
                    Map<?, ?> allow = (Map<?, ?>) statement;
                    if (!"Allow".equals(allow.get("Effect"))) {
                        continue;
                    }
                    String condition = allow.containsKey("Condition") ? condition((Map<?, ?>) allow.get("Condition")) : "";
                    for (Object action : asList(allow.get("Action"))) {
                        for (Object resource : asList(allow.get("Resource"))) {
                            rows.add(function + " | " + action + " | " + resource(resource) + " | " + condition);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static List<?> statements(String function, Object policy) {
        if (policy instanceof Intrinsic ref && ref.function().equals("Ref")
                && TEMPLATE.resources().get(String.valueOf(ref.argument())) instanceof TemplateResource managed
                && managed.type().equals("AWS::IAM::ManagedPolicy")) {
            return asList(((Map<?, ?>) managed.property("PolicyDocument")).get("Statement"));
        }
        if (policy instanceof Map<?, ?> document && document.containsKey("Statement")) {
            return asList(document.get("Statement"));
        }
        fail(function + " has a policy that is not an exact statement (a SAM policy template grants more than Despatch uses): " + policy);
        return List.of();
    }

    /** A resource as the table names it: the template's logical id, and the ARN's part after it (a key prefix, an index). */
    static String resource(Object resource) {
        if (resource instanceof Intrinsic intrinsic) {
            return switch (intrinsic.function()) {
                case "Fn::GetAtt" -> String.valueOf(((List<?>) intrinsic.argument()).getFirst());
                case "Ref" -> String.valueOf(intrinsic.argument());
                case "Fn::Sub" -> {
                    Object argument = intrinsic.argument();
                    String pattern = String.valueOf(argument instanceof List<?> list ? list.getFirst() : argument);
                    // The buckets' names, where the template spells them out (to avoid a circular reference), are the buckets.
                    String named = pattern.replace("${AWS::StackName}-uploads-${AWS::AccountId}", "UploadsBucket")
                            .replace("${AWS::StackName}-site-${AWS::AccountId}", "SiteBucket");
                    String path = ARN_PREFIX.matcher(named).replaceFirst("");
                    yield path.replaceAll("\\$\\{(\\w+)\\.Arn}", "$1").replace("${AWS::StackName}", "<stack>").replaceAll("\\$\\{(\\w+)}", "$1");
                }
                default -> throw new AssertionError("A resource this test cannot name: " + resource);
            };
        }
        return String.valueOf(resource);
    }

    private static String condition(Map<?, ?> condition) {
        StringBuilder text = new StringBuilder();
        condition.forEach((operator, keys) -> ((Map<?, ?>) keys).forEach((key, values) -> {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(key).append(" ").append(operator).append(" ").append(String.join(", ", asList(values).stream().map(String::valueOf).toList()));
        }));
        return text.toString();
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    /** The rows of docs/permissions.md's tables, in the same form. */
    static Set<String> documented() throws Exception {
        Set<String> rows = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/permissions.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String condition = row.group(4) == null ? "" : row.group(4).strip().replaceAll("^`|`$", "");
                rows.add(row.group(1) + " | " + row.group(2) + " | " + row.group(3) + " | " + condition);
            }
        }
        return rows;
    }

    @Test
    void everyFunctionIsGrantedExactlyWhatThePermissionsTableLists() throws Exception {
        Set<String> granted = granted();
        Set<String> documented = documented();
        Set<String> notDocumented = new TreeSet<>(granted);
        notDocumented.removeAll(documented);
        Set<String> notGranted = new TreeSet<>(documented);
        notGranted.removeAll(granted);
        assertTrue(notDocumented.isEmpty() && notGranted.isEmpty(), "granted but not in docs/permissions.md:\n" + String.join("\n",
                notDocumented) + "\nin docs/permissions.md but not granted:\n" + String.join("\n", notGranted));
        assertEquals(granted.size(), documented.size());
    }

    @Test
    void noGrantIsOnEveryResourceOrAWholeServiceAndNoTableIsScanned() {
        for (String row : granted()) {
            String[] parts = row.split(" \\| ");
            // GetAccount alone: SES has no resource for an account's quota to be named by.
            assertTrue((!parts[2].equals("*") || parts[1].equals("ses:GetAccount")) && !parts[1].endsWith(":*"), row);
            assertTrue(!parts[1].equals("dynamodb:Scan"), "no Scan: " + row);
        }
    }
}
