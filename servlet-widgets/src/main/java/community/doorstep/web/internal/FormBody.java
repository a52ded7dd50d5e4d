package community.doorstep.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A submitted {@code application/x-www-form-urlencoded} form, read here (not by the container) so its size is
 * capped whatever the request says about its length, and a malformed escape costs the field, not the request.
 */
public final class FormBody {
    private final Map<String, String> values;

    private FormBody(Map<String, String> values) {
        this.values = values;
    }

    /** The form, or {@code null} when the body is larger than {@link GuardFilter#MAX_BODY_BYTES}. */
    static FormBody read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes((int) GuardFilter.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > GuardFilter.MAX_BODY_BYTES) {
            return null;
        }
        return parse(new String(bytes, StandardCharsets.US_ASCII));
    }

    /** A form read from text already in hand, such as a body whose signature was checked first. */
    public static FormBody parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
            // the first value wins: a repeated field is not a way to slip a second value past a check
            if (name != null && value != null) {
                values.putIfAbsent(name, value);
            }
        }
        return new FormBody(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The field's value, trimmed; {@code null} when absent or blank. */
    public String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every field as sent (the first value of each), for checking a signature over all of them. */
    public Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** The field's value as typed, for putting back into a form; {@code ""} when absent. */
    public String raw(String name) {
        return values.getOrDefault(name, "");
    }
}
