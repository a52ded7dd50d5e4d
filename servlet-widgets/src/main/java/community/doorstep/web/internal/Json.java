package community.doorstep.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import community.doorstep.InvalidInputException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.glassfish.jersey.server.ContainerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * Turns the API's records into JSON bytes, and request bodies into records. Resources serialise explicitly, so the
 * caching filter can hash exactly the bytes that go out and no JSON provider on the host's classpath changes the
 * output.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API's records always serialise", e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(reference -> reference.getFieldName() != null
                ? reference.getFieldName() : String.valueOf(reference.getIndex())).collect(Collectors.joining("."));
    }

    /** What a value of the type looks like in JSON, for a message that says what to send instead. */
    private static String kind(Class<?> type) {
        if (type == null) {
            return "a JSON object";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a JSON object";
    }

    /**
     * The request's JSON body as a record; a body that is not JSON, or has a field of the wrong type or one the record
     * does not know, is a 400 naming the field. Values are never echoed: they can be contacts.
     */
    public static <T> T read(ContainerRequestContext request, Class<T> type) {
        InputStream body = request instanceof ContainerRequest container ? container.getEntityStream() : request.getEntityStream();
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw InvalidInputException.of("body", "json", "the body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw InvalidInputException.of(field, "unknown-field", field + " is not a field this request takes");
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw InvalidInputException.of(field.isEmpty() ? "body" : field, "type",
                    (field.isEmpty() ? "the body" : field) + " must be " + kind(e.getTargetType()));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw InvalidInputException.of(field.isEmpty() ? "body" : field, "json",
                    (field.isEmpty() ? "the body" : field) + " cannot be read");
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("body", "json", "the body must be a JSON object");
        } catch (IOException e) {
            throw InvalidInputException.of("body", "json", "the body could not be read");
        }
    }
}
