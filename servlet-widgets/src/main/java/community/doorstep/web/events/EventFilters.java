package community.doorstep.web.events;

import community.doorstep.events.EventQuery;
import community.doorstep.web.internal.QueryParams;

import java.util.Set;

/**
 * The filters the API and the feeds share: {@code tag} (repeatable, any of them), {@code area}, {@code org}
 * and {@code q} (words that must all appear).
 */
record EventFilters(Set<String> tags, String area, String organisation, String text) {
    static final int MAX_TAGS = 20;
    /** As long as {@link EventQuery} allows. */
    static final int MAX_TEXT = 200;

    static EventFilters read(QueryParams params) {
        return new EventFilters(params.slugs("tag", MAX_TAGS), params.slug("area"), params.slug("org"),
                params.text("q", MAX_TEXT));
    }

    EventQuery applyTo(EventQuery query) {
        return query.withTags(tags).withArea(area).withOrganisation(organisation).withText(text);
    }
}
