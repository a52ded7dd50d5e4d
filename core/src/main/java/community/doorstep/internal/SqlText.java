package community.doorstep.internal;

import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How lists and zoned times sit in text columns. A zoned time is written with its offset and zone
 * ({@code 2026-03-29T10:00+01:00[Europe/London]}), so it reads back equal to what was written.
 */
public final class SqlText {
    private SqlText() {
    }

    public static String zoned(ZonedDateTime at) {
        return at == null ? null : at.toString();
    }

    public static ZonedDateTime zoned(String text) {
        return text == null ? null : ZonedDateTime.parse(text);
    }

    public static String lines(Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    public static <T> List<T> lines(String text, Function<String, T> parse) {
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split("\n")).map(parse).toList();
    }

    public static String sortedLines(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining("\n"));
    }
}
