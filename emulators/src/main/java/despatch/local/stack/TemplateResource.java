package despatch.local.stack;

import java.util.Map;

/**
 * One entry of the template's Resources section, unresolved.
 *
 * @param logicalId  the key under Resources
 * @param type       e.g. {@code AWS::S3::Bucket}
 * @param properties its Properties (empty when it has none), possibly holding {@link Intrinsic}s
 * @param condition  the name of the condition it is created under, or null
 */
public record TemplateResource(String logicalId, String type, Map<String, Object> properties, String condition) {

    /** A property's unresolved value, or null. */
    public Object property(String name) {
        return properties.get(name);
    }
}
