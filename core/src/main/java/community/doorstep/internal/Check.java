package community.doorstep.internal;

import community.doorstep.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Constructor checks for the model records: each failure names the field and the rule.
 * Shared by the records of every feature package.
 */
public final class Check {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private Check() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw InvalidInputException.of(field, "required", field + " is required");
        }
        return value;
    }

    /** A required text: trimmed, not blank, at most {@code maxLength} characters. */
    public static String text(String field, String value, int maxLength) {
        String trimmed = required(field, value).strip();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of(field, "required", field + " must not be blank");
        }
        return maxLength(field, trimmed, maxLength);
    }

    /** An optional text: {@code null} and blank both become {@code null}. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return maxLength(field, value.strip(), maxLength);
    }

    /** A short lower-case identifier usable in URLs: letters, digits and inner hyphens. */
    public static String slug(String field, String value) {
        required(field, value);
        if (!SLUG.matcher(value).matches()) {
            throw InvalidInputException.of(field, "slug",
                    field + " must be 1 to 64 lower-case letters, digits or inner hyphens, not \"" + abbreviate(value) + "\"");
        }
        return value;
    }

    public static void that(boolean condition, String field, String rule, String message) {
        if (!condition) {
            throw InvalidInputException.of(field, rule, message);
        }
    }

    private static String maxLength(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw InvalidInputException.of(field, "too-long",
                    field + " must be at most " + maxLength + " characters, not " + value.length());
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
