package community.doorstep.internal;

import community.doorstep.FieldError;
import community.doorstep.InvalidInputException;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place a rule about input lives. A record's constructor makes one, runs every check on it and calls
 * {@link #done()}, which throws an {@link InvalidInputException} naming <em>every</em> field at fault (not the
 * first), each with a stable rule code the web shows in the resident's language. Every length a database column
 * has is checked here first, so nothing too long ever reaches the database.
 *
 * <p>Checks that fail return the value unchanged (or {@code null}), so later checks run and say their part too.
 */
public final class Validator {
    /** Addresses (booking links, feeds, webhooks, websites) fit a column of this many characters. */
    public static final int MAX_LINK = 2000;
    /** Dates beyond year 9999 cannot be written as iCal or ISO dates of four digits, nor stored as instants. */
    public static final int MAX_YEAR = 9999;
    private static final Instant LATEST = LocalDate.of(MAX_YEAR, 12, 31).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant EARLIEST = LocalDate.of(1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private final List<FieldError> errors = new ArrayList<>();

    /** Records a broken rule on a field; later errors on a field already at fault are kept too. */
    public void fail(String field, String rule, String message) {
        errors.add(new FieldError(field, rule, message));
    }

    public void that(boolean condition, String field, String rule, String message) {
        if (!condition) {
            fail(field, rule, message);
        }
    }

    public <T> T required(String field, T value) {
        that(value != null, field, "required", field + " is required");
        return value;
    }

    /** A required text: trimmed, not blank, at most {@code maxLength} characters. */
    public String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            fail(field, "required", field + (value == null ? " is required" : " must not be blank"));
            return value;
        }
        return maxLength(field, value.strip(), maxLength);
    }

    /** An optional text: {@code null} and blank both become {@code null}. */
    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return maxLength(field, value.strip(), maxLength);
    }

    /** A short lower-case identifier usable in URLs: letters, digits and inner hyphens. */
    public String slug(String field, String value) {
        if (value == null) {
            return required(field, null);
        }
        that(isSlug(value), field, "slug",
                field + " must be 1 to 64 lower-case letters, digits or inner hyphens, not \"" + abbreviate(value) + "\"");
        return value;
    }

    /** Whether the text has the shape of every id Doorstep hands out (sites, tags, areas, organisations, feeds). */
    public static boolean isSlug(String value) {
        return SLUG.matcher(value).matches();
    }

    /** As {@link #slug}, but {@code null} is allowed. */
    public String optionalSlug(String field, String value) {
        return value == null ? null : slug(field, value);
    }

    /**
     * An optional language, as a BCP 47 tag ({@code cy}, {@code en-GB}, {@code zh-Hant}) of at most 35 characters,
     * returned in its standard case; {@code null} stays null.
     */
    public String optionalLanguage(String field, String value) {
        if (value == null) {
            return null;
        }
        String tag = languageTag(value);
        that(tag != null, field, "language", field + " must be a language tag such as cy or en-GB, not \"" + abbreviate(value) + "\"");
        return tag == null ? value : tag;
    }

    /** The standard form of a BCP 47 language tag of at most 35 characters, or {@code null} if it is not one. */
    public static String languageTag(String value) {
        if (value == null || value.length() > 35 || !LANGUAGE_TAG.matcher(value).matches()) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(value);
        return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
    }

    /** An optional web address with one of the schemes and a host, at most {@value #MAX_LINK} characters. */
    public URI optionalLink(String field, URI link, Set<String> schemes) {
        if (link == null) {
            return null;
        }
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme) || link.getHost() == null) {
            fail(field, "http", field + " must be an address starting with "
                    + String.join("://, ", schemes.stream().sorted().toList()) + "://");
        } else {
            that(link.toString().length() <= MAX_LINK, field, "too-long",
                    field + " must be at most " + MAX_LINK + " characters, not " + link.toString().length());
        }
        return link;
    }

    /** A date in years 1 to {@value #MAX_YEAR}. */
    public LocalDate date(String field, LocalDate date) {
        that(date == null || (date.getYear() >= 1 && date.getYear() <= MAX_YEAR), field, "year",
                field + " must be in the years 1 to " + MAX_YEAR);
        return date;
    }

    /** A date-time in years 1 to {@value #MAX_YEAR}. */
    public ZonedDateTime dateTime(String field, ZonedDateTime dateTime) {
        that(dateTime == null || inRange(dateTime.toInstant()), field, "year",
                field + " must be in the years 1 to " + MAX_YEAR);
        return dateTime;
    }

    /** An instant in years 1 to {@value #MAX_YEAR}. */
    public Instant instant(String field, Instant instant) {
        that(instant == null || inRange(instant), field, "year", field + " must be in the years 1 to " + MAX_YEAR);
        return instant;
    }

    /** Whether every check so far passed. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws every error found, if any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
    }

    private String maxLength(String field, String value, int maxLength) {
        that(value.length() <= maxLength, field, "too-long",
                field + " must be at most " + maxLength + " characters, not " + value.length());
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
