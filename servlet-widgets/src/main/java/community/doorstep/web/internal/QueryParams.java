package community.doorstep.web.internal;

import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;
import community.doorstep.internal.Validator;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads query parameters as text and checks them here rather than in Jersey, so every mistake comes back
 * as one 400 naming each parameter at fault. A blank value counts as absent, as an empty form field does.
 */
public final class QueryParams {
    /** Exactly YYYY-MM-DD: four-digit years keep every date within what instants can hold. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private final MultivaluedMap<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();

    QueryParams(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    /** One optional value of at most {@code maxLength} characters, or {@code null}. */
    public String text(String name, int maxLength) {
        String value = single(name);
        if (value != null && value.length() > maxLength) {
            return reject(name, "too-long", name + " must be at most " + maxLength + " characters, not " + value.length());
        }
        return value;
    }

    /** An optional date such as 2026-06-01, or {@code null}. */
    public LocalDate date(String name) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            return reject(name, "date", name + " must be a date written YYYY-MM-DD, not \"" + shown(value) + "\"");
        }
    }

    /** An optional whole number in [min, max], or {@code null}. */
    public Integer integer(String name, int min, int max) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        String rangeMessage = name + " must be a whole number from " + min + " to " + max + ", not \"" + shown(value) + "\"";
        if (!value.matches("-?[0-9]{1,10}")) {
            return reject(name, "integer", rangeMessage);
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            return reject(name, "range", rangeMessage);
        }
        return (int) number;
    }

    /** An optional id such as {@code older-people}, or {@code null}. */
    public String slug(String name) {
        String value = single(name);
        return value == null || isSlug(name, value) ? value : null;
    }

    /** Every id given under a repeatable parameter, at most {@code max} of them. */
    public Set<String> slugs(String name, int max) {
        Set<String> found = new LinkedHashSet<>();
        for (String value : nonBlank(name)) {
            if (isSlug(name, value)) {
                found.add(value);
            }
        }
        if (found.size() > max) {
            reject(name, "too-many", name + " may be given at most " + max + " times");
        }
        return found;
    }

    /** Records a broken rule unless an earlier one already names the field. */
    public void check(boolean condition, String name, String rule, String message) {
        if (!condition && !failed(name)) {
            reject(name, rule, message);
        }
    }

    /** Whether a rule about the parameter is already broken. */
    public boolean failed(String name) {
        return errors.stream().anyMatch(error -> error.field().equals(name));
    }

    /** An {@link InvalidInputException} naming every parameter at fault, if any is. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private String single(String name) {
        List<String> given = nonBlank(name);
        if (given.size() > 1) {
            return reject(name, "repeated", name + " must be given at most once");
        }
        return given.isEmpty() ? null : given.get(0);
    }

    private List<String> nonBlank(String name) {
        List<String> given = values.get(name);
        return given == null ? List.of() : given.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    /** Whether the value has the shape of an id. */
    public static boolean isSlug(String value) {
        return Validator.isSlug(value);
    }

    private boolean isSlug(String name, String value) {
        if (isSlug(value)) {
            return true;
        }
        reject(name, "slug", name + " must be 1 to 64 lower-case letters, digits or inner hyphens, not \"" + shown(value) + "\"");
        return false;
    }

    private <T> T reject(String name, String rule, String message) {
        errors.add(new FieldError(name, rule, message));
        return null;
    }

    /** Echoes enough of a bad value to recognise it, never a whole pasted document. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
