package community.doorstep.web;

import community.doorstep.Doorstep;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.model.Resource;

import static community.doorstep.web.Routes.CALENDAR;
import static community.doorstep.web.Routes.get;
import static community.doorstep.web.Routes.pathParam;

/** Subscribable iCal feeds: {@code feeds/{site}/events.ics}, with the API's filters, a year ahead. */
final class FeedApi {
    private final Doorstep doorstep;

    FeedApi(Doorstep doorstep) {
        this.doorstep = doorstep;
    }

    Resource resource() {
        Resource.Builder feeds = Resource.builder("feeds/{site}");
        get(feeds, "events.ics", CALENDAR, this::events);
        return feeds.build();
    }

    private Response events(ContainerRequestContext request) {
        SiteCalendar calendar = SiteCalendar.of(doorstep, pathParam(request, "site"));
        QueryParams params = Routes.queryParams(request);
        EventFilters filters = EventFilters.read(params);
        params.throwIfInvalid();
        return Routes.calendar(doorstep.events().calendar().exportCalendar(filters.applyTo(calendar.ahead(SiteApi.MAX_DAYS))));
    }
}
