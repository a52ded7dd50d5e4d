package community.doorstep.web.events;

import community.doorstep.Doorstep;
import community.doorstep.web.internal.QueryParams;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.SiteCalendar;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.model.Resource;

import static community.doorstep.web.internal.Routes.CALENDAR;
import static community.doorstep.web.internal.Routes.get;
import static community.doorstep.web.internal.Routes.pathParam;

/** Subscribable iCal feeds: {@code feeds/{site}/events.ics}, with the API's filters, a year ahead. */
final class FeedApi {
    private final Doorstep doorstep;

    FeedApi(Doorstep doorstep) {
        this.doorstep = doorstep;
    }

    void addTo(Resource.Builder feeds) {
        get(feeds, "events.ics", CALENDAR, this::events);
    }

    private Response events(ContainerRequestContext request) {
        SiteCalendar calendar = SiteCalendar.of(doorstep, pathParam(request, "site"));
        QueryParams params = Routes.queryParams(request);
        EventFilters filters = EventFilters.read(params);
        params.throwIfInvalid();
        return Routes.calendar(doorstep.events().calendar().exportCalendar(
                filters.applyTo(calendar.ahead(SiteCalendar.MAX_DAYS))));
    }
}
