package community.doorstep.events;

import community.doorstep.internal.Validator;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What a resident asks of the calendar: occurrences overlapping the half-open window [from, to), optionally
 * narrowed by tags (any of them), area, organisation and words in the text.
 *
 * @param siteId         the site to search
 * @param from           window start, inclusive
 * @param to             window end, exclusive; at most {@link #MAX_WINDOW} after {@code from}
 * @param tags           tag ids; an occurrence matches when it has any of them (empty: no filter)
 * @param areaId         area id, or {@code null}
 * @param organisationId organisation id, or {@code null}
 * @param text           words that must appear in the title, description or place, or {@code null}
 * @param limit          page size, 1 to {@link #MAX_LIMIT}
 * @param cursor         from a previous page's {@link OccurrencePage#nextCursor()}, or {@code null}
 */
public record EventQuery(String siteId, Instant from, Instant to, Set<String> tags, String areaId,
                         String organisationId, String text, int limit, String cursor) {
    /** Longer windows are refused: a year of a busy site is already more than a page can show. */
    public static final Duration MAX_WINDOW = Duration.ofDays(366);
    /** A first page a phone fetches quickly (about 28 KB of JSON); clients page on with the cursor. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public EventQuery {
        Validator check = new Validator();
        siteId = check.slug("siteId", siteId);
        check.instant("from", check.required("from", from));
        check.instant("to", check.required("to", to));
        if (from != null && to != null) {
            check.that(from.isBefore(to), "to", "after-from", "to must be after from");
            check.that(!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_WINDOW) <= 0, "to", "max-window",
                    "to must be at most " + MAX_WINDOW.toDays() + " days after from");
        }
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        areaId = check.optionalSlug("area", areaId);
        organisationId = check.optionalSlug("organisation", organisationId);
        text = check.optionalText("q", text, 200);
        check.that(limit >= 1 && limit <= MAX_LIMIT, "limit", "range",
                "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        cursor = check.optionalText("cursor", cursor, 2000);
        check.done();
    }

    /** Everything in the window, first page. */
    public static EventQuery window(String siteId, Instant from, Instant to) {
        return new EventQuery(siteId, from, to, Set.of(), null, null, null, DEFAULT_LIMIT, null);
    }

    public EventQuery withTags(Set<String> newTags) {
        return new EventQuery(siteId, from, to, newTags, areaId, organisationId, text, limit, cursor);
    }

    public EventQuery withArea(String newAreaId) {
        return new EventQuery(siteId, from, to, tags, newAreaId, organisationId, text, limit, cursor);
    }

    public EventQuery withOrganisation(String newOrganisationId) {
        return new EventQuery(siteId, from, to, tags, areaId, newOrganisationId, text, limit, cursor);
    }

    public EventQuery withText(String newText) {
        return new EventQuery(siteId, from, to, tags, areaId, organisationId, newText, limit, cursor);
    }

    public EventQuery withLimit(int newLimit) {
        return new EventQuery(siteId, from, to, tags, areaId, organisationId, text, newLimit, cursor);
    }

    public EventQuery withCursor(String newCursor) {
        return new EventQuery(siteId, from, to, tags, areaId, organisationId, text, limit, newCursor);
    }
}
