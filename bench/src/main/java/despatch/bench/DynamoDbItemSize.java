package despatch.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item sizes as DynamoDB bills them (developer guide, "Item sizes and formats"): attribute names
 * plus values; strings and binaries by their bytes, numbers about one byte per two digits plus
 * one, lists and maps 3 bytes plus 1 per element. Capacity units follow from the size: a write
 * unit per started KB, a read unit per started 4 KB (half for eventually consistent reads).
 */
final class DynamoDbItemSize {
    private static final double KB = 1024;

    private DynamoDbItemSize() {
    }

    static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    /** Write units for one item of this size; deleting or writing nothing still costs one. */
    static double writeUnits(long itemBytes) {
        return Math.max(1, Math.ceil(itemBytes / KB));
    }

    /** Read units for this many bytes read in one request (GetItem: one item; Query: the page). */
    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / (4 * KB)));
        return consistent ? units : units / 2;
    }

    private static long value(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case SS -> value.ss().stream().mapToLong(DynamoDbItemSize::utf8).sum();
            case NS -> value.ns().stream().mapToLong(DynamoDbItemSize::number).sum();
            case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + value(element)).sum();
            case M -> 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + value(e.getValue())).sum();
            case BOOL, NUL -> 1;
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    /** Significant digits, two to a byte, plus one. */
    private static long number(String number) {
        int digits = 0;
        boolean leading = true;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9' && !(leading && c == '0')) {
                digits++;
                leading = false;
            }
        }
        return (Math.max(1, digits) + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
