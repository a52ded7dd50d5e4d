package community.doorstep;

import java.util.Objects;

/**
 * One reason an input was refused: which field, which rule it broke, and a sentence saying so.
 *
 * @param field   the name of the field as the caller knows it, e.g. {@code "title"} or {@code "to"}
 * @param rule    a short stable code for the rule, e.g. {@code "required"}, {@code "too-long"}
 * @param message a plain sentence naming the field and the rule
 */
public record FieldError(String field, String rule, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
