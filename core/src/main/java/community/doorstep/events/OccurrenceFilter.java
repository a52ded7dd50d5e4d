package community.doorstep.events;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The non-time parts of an {@link EventQuery}: tags (any), area, organisation and words. */
final class OccurrenceFilter {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final EventQuery query;
    private final String[] words;

    OccurrenceFilter(EventQuery query) {
        this.query = query;
        this.words = query.text() == null ? new String[0] : fold(query.text()).split("\\s+");
    }

    boolean accepts(Event event) {
        if (!query.tags().isEmpty() && event.tags().stream().noneMatch(query.tags()::contains)) {
            return false;
        }
        if (query.areaId() != null && !query.areaId().equals(event.areaId())) {
            return false;
        }
        if (query.organisationId() != null && !query.organisationId().equals(event.organisationId())) {
            return false;
        }
        if (words.length == 0) {
            return true;
        }
        String haystack = fold(event.title() + "\n" + (event.description() == null ? "" : event.description())
                + "\n" + (event.location() == null || event.location().name() == null ? "" : event.location().name()));
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Case and accents folded, so "cwm" finds "Cŵm" and "cafe" finds "Café". */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
