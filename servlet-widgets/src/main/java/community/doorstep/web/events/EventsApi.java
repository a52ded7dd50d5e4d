package community.doorstep.web.events;

import community.doorstep.Doorstep;
import community.doorstep.events.Event;
import community.doorstep.events.EventQuery;
import community.doorstep.events.Occurrence;
import community.doorstep.events.OccurrencePage;
import community.doorstep.web.events.ApiJson.EventJson;
import community.doorstep.web.events.ApiJson.LinksJson;
import community.doorstep.web.events.ApiJson.OccurrenceJson;
import community.doorstep.web.events.ApiJson.OccurrencePageJson;
import community.doorstep.web.events.ApiJson.TagsJson;
import community.doorstep.web.internal.QueryParams;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.SiteCalendar;
import community.doorstep.web.internal.WebRoutes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.model.Resource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static community.doorstep.web.internal.Routes.CALENDAR;
import static community.doorstep.web.internal.Routes.JSON;
import static community.doorstep.web.internal.Routes.get;
import static community.doorstep.web.internal.Routes.pathParam;
import static community.doorstep.web.internal.SiteCalendar.MAX_DAYS;

/**
 * The events in version 1 of the JSON API, read-only for now: {@code api/v1/sites/{site}/events…} and the tags
 * in use on them.
 */
final class EventsApi {
    /** As long as {@link EventQuery} allows; real cursors are far shorter. */
    static final int MAX_CURSOR = 2000;
    /** The list's window when {@code to} is not given. */
    static final int DEFAULT_DAYS = 31;

    private final Doorstep doorstep;

    EventsApi(Doorstep doorstep) {
        this.doorstep = doorstep;
    }

    void addTo(Resource.Builder site) {
        get(site, "events", JSON, this::occurrences);
        get(site, "events/{eventId}", JSON, this::event);
        get(site, "events/{eventId}.ics", CALENDAR, this::eventCalendar);
        get(site, "tags", JSON, this::tags);
    }

    /** {@code events?from&to&tag&area&org&q&limit&cursor}: one page of occurrences in start order. */
    private Response occurrences(ContainerRequestContext request) {
        SiteCalendar calendar = site(request);
        QueryParams params = Routes.queryParams(request);
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        Integer limit = params.integer("limit", 1, EventQuery.MAX_LIMIT);
        String cursor = params.text("cursor", MAX_CURSOR);
        EventFilters filters = EventFilters.read(params);
        LocalDate start = from != null ? from : calendar.today();
        LocalDate end = to != null ? to : start.plusDays(DEFAULT_DAYS);
        if (!params.failed("from")) {
            params.check(end.isAfter(start), "to", "after-from", "to must be after from (" + start + ")");
            params.check(ChronoUnit.DAYS.between(start, end) <= MAX_DAYS, "to", "max-window",
                    "to must be at most " + MAX_DAYS + " days after from (" + start + ")");
        }
        params.throwIfInvalid();

        EventQuery query = filters.applyTo(calendar.window(start, end))
                .withLimit(limit == null ? EventQuery.DEFAULT_LIMIT : limit)
                .withCursor(cursor);
        OccurrencePage page = doorstep.events().calendar().query(query);
        Links links = new Links(request, calendar.id());
        List<OccurrenceJson> occurrences = page.occurrences().stream()
                .map(occurrence -> OccurrenceJson.of(occurrence, calendar.site().zone(), links.of(occurrence.event())))
                .toList();
        return Routes.json(new OccurrencePageJson(occurrences, page.nextCursor()));
    }

    /** {@code events/{eventId}}: the event as its first instance, and whether it repeats. */
    private Response event(ContainerRequestContext request) {
        SiteCalendar calendar = site(request);
        Event event = doorstep.events().calendar().event(calendar.id(), pathParam(request, "eventId"));
        // an overridden instance is an event of its own; its original start keeps its occurrence id stable
        ZonedDateTime originalStart = event.isOverride() ? event.recurrenceId() : event.time().start();
        Occurrence first = new Occurrence(event, event.time(), event.status(), originalStart);
        OccurrenceJson fields = OccurrenceJson.of(first, calendar.site().zone(), new Links(request, calendar.id()).of(event));
        return Routes.json(new EventJson(fields, event.recurrence().repeats()));
    }

    /** {@code events/{eventId}.ics}: "add to calendar". */
    private Response eventCalendar(ContainerRequestContext request) {
        SiteCalendar calendar = site(request);
        String text = doorstep.events().calendar().exportEvent(calendar.id(), pathParam(request, "eventId"));
        return Response.fromResponse(Routes.calendar(text))
                .header("Content-Disposition", "attachment; filename=\"event.ics\"").build();
    }

    /** The tags residents can usefully filter by: those on the coming year's occurrences. */
    private Response tags(ContainerRequestContext request) {
        SiteCalendar calendar = site(request);
        List<String> tags = doorstep.events().calendar().queryAll(calendar.ahead(MAX_DAYS)).stream()
                .flatMap(occurrence -> occurrence.event().tags().stream())
                .distinct().sorted().toList();
        return Routes.json(new TagsJson(tags));
    }

    private SiteCalendar site(ContainerRequestContext request) {
        return SiteCalendar.of(doorstep, pathParam(request, "site"));
    }

    /**
     * Links as root-relative paths under wherever Doorstep is mounted: they hold behind any proxy, and a
     * cached body never carries a host name taken from a request header.
     */
    private static final class Links {
        private final String eventsPath;

        Links(ContainerRequestContext request, String siteId) {
            this.eventsPath = request.getUriInfo().getBaseUri().getRawPath() + WebRoutes.SITES + segment(siteId)
                    + "/events/";
        }

        LinksJson of(Event event) {
            String self = eventsPath + segment(event.id());
            return new LinksJson(self, self + ".ics");
        }

        private static String segment(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
