package despatch.local.stack;

import java.util.Objects;

/**
 * A CloudFormation intrinsic function as written in the template, before resolution: {@code !Ref X}
 * and {@code {"Ref": "X"}} both become {@code Intrinsic("Ref", "X")}; {@code !GetAtt A.B} becomes
 * {@code Intrinsic("Fn::GetAtt", ["A", "B"])}. The argument holds plain YAML values (String,
 * Number, Boolean, List, Map) and nested intrinsics.
 *
 * @param function the long-form name: {@code Ref}, {@code Condition} or {@code Fn::…}
 * @param argument the function's argument, unresolved
 */
public record Intrinsic(String function, Object argument) {

    public Intrinsic {
        Objects.requireNonNull(function, "function");
    }

    /** The long-form name of a short-form tag: {@code !Sub} → {@code Fn::Sub}. */
    static String longName(String shortTag) {
        return switch (shortTag) {
            case "Ref", "Condition" -> shortTag;
            default -> "Fn::" + shortTag;
        };
    }

    /** Whether a single-key map key is a long-form intrinsic ({@code Ref}, {@code Fn::Sub}, …). */
    static boolean isLongFormKey(Object key) {
        return "Ref".equals(key) || (key instanceof String s && s.startsWith("Fn::"));
    }
}
