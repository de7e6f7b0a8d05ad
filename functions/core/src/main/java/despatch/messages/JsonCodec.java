package despatch.messages;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import despatch.common.EmailAddress;
import despatch.common.InvalidEmailAddressException;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A message record as JSON with Jackson. Fields it does not know are ignored, so a producer
 * deployed before its consumer can add one. An {@link EmailAddress} is its address as delivered
 * to, checked again when read. What goes wrong is said without quoting the body.
 */
final class JsonCodec<T extends Record> implements MessageCodec<T> {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            .registerModule(new SimpleModule()
                    .addSerializer(EmailAddress.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(EmailAddress address, JsonGenerator json, SerializerProvider provider) throws IOException {
                            json.writeString(address.forDelivery());
                        }
                    })
                    .addDeserializer(EmailAddress.class, new JsonDeserializer<>() {
                        @Override
                        public EmailAddress deserialize(JsonParser json, DeserializationContext context) throws IOException {
                            try {
                                return EmailAddress.stored(json.getValueAsString());
                            } catch (InvalidEmailAddressException e) {
                                throw InvalidFormatException.from(json, "not an email address", null, EmailAddress.class);
                            }
                        }
                    }));

    private final Class<T> type;
    private final String name;

    /** @param name what the message is, for errors: "a fan-out request" */
    JsonCodec(Class<T> type, String name) {
        this.type = type;
        this.name = name;
    }

    @Override
    public String write(T message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record of strings and flags cannot fail to serialise", e);
        }
    }

    @Override
    public T read(String body) throws UnreadableMessageException {
        if (body == null || body.isBlank()) {
            throw new UnreadableMessageException("Not " + name + ": the body is empty");
        }
        try {
            T message = JSON.readValue(body, type);
            if (message == null) {
                throw new UnreadableMessageException("Not " + name + ": the body is null");
            }
            return message;
        } catch (ValueInstantiationException e) {
            // The record's own check refused it; its message names the field, not the value.
            throw new UnreadableMessageException("Not " + name + ": " + e.getCause().getMessage());
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(reference -> reference.getFieldName() == null
                    ? "[" + reference.getIndex() + "]" : reference.getFieldName()).collect(Collectors.joining("."));
            throw new UnreadableMessageException("Not " + name + ": " + (field.isEmpty() ? "not a JSON object" : field + problem(e)));
        } catch (JsonProcessingException e) {
            throw new UnreadableMessageException("Not " + name + ": not JSON");
        }
    }

    private static String problem(MismatchedInputException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == EmailAddress.class) {
            return " is not an email address";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()) {
            return " is not one of " + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return " has the wrong type";
    }
}
