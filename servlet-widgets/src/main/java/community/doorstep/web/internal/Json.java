package community.doorstep.web.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns the API's records into JSON bytes. Resources serialise explicitly, so the caching filter can hash
 * exactly the bytes that go out and no JSON provider on the host's classpath changes the output.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API's records always serialise", e);
        }
    }
}
