package despatch.local.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads CloudFormation YAML: plain YAML plus the short-form intrinsic tags ({@code !Ref},
 * {@code !Sub}, …), which a plain YAML loader rejects. Tags and long-form intrinsics
 * ({@code Ref:}, {@code Fn::Sub:}) both become {@link Intrinsic} values.
 */
final class CloudFormationYaml {

    private static final List<String> SHORT_FORM_TAGS = List.of(
            "Ref", "Sub", "GetAtt", "Join", "If", "Equals", "Select", "Split", "Not", "And", "Or",
            "FindInMap", "Base64", "ImportValue", "Condition", "Cidr", "GetAZs", "Transform",
            "Length", "ToJsonString");

    private CloudFormationYaml() {
    }

    /** The document as unmodifiable maps and lists, scalars and {@link Intrinsic}s. */
    static Map<String, Object> parse(String yaml) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setLabel("template.yaml")
                .build();
        Object document = new Load(settings, new IntrinsicConstructor(settings)).loadFromString(yaml);
        if (!(document instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("A CloudFormation template is a YAML mapping at the top level");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalised = (Map<String, Object>) normaliseLongForm(document);
        return normalised;
    }

    /** Turns {@code {"Ref": X}} and {@code {"Fn::…": X}} maps into {@link Intrinsic}s, deeply. */
    private static Object normaliseLongForm(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                if (Intrinsic.isLongFormKey(only.getKey())) {
                    return intrinsic((String) only.getKey(), normaliseLongForm(only.getValue()));
                }
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normaliseLongForm(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(normaliseLongForm(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Intrinsic in) {
            return new Intrinsic(in.function(), normaliseLongForm(in.argument()));
        }
        return value;
    }

    /** GetAtt's string form {@code A.B.C} means resource A, attribute B.C. */
    private static Intrinsic intrinsic(String function, Object argument) {
        if ("Fn::GetAtt".equals(function) && argument instanceof String dotted) {
            int dot = dotted.indexOf('.');
            if (dot <= 0 || dot == dotted.length() - 1) {
                throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got: " + dotted);
            }
            return new Intrinsic(function, List.of(dotted.substring(0, dot), dotted.substring(dot + 1)));
        }
        return new Intrinsic(function, argument);
    }

    private static final class IntrinsicConstructor extends StandardConstructor {

        IntrinsicConstructor(LoadSettings settings) {
            super(settings);
            for (String tag : SHORT_FORM_TAGS) {
                String function = Intrinsic.longName(tag);
                tagConstructors.put(new Tag("!" + tag), new ConstructIntrinsic(function));
            }
        }

        private final class ConstructIntrinsic implements ConstructNode {
            private final String function;

            ConstructIntrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("Unexpected YAML node under !" + function);
                };
                return intrinsic(function, argument);
            }
        }
    }
}
