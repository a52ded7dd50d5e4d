package community.doorstep.web.events;

import community.doorstep.Doorstep;
import community.doorstep.web.internal.FormGuard;
import community.doorstep.web.internal.EmbedWidget;
import community.doorstep.web.internal.NavEntry;
import community.doorstep.web.internal.WebFeature;
import community.doorstep.web.internal.WebRoutes;
import community.doorstep.web.internal.Widgets;
import org.glassfish.jersey.server.model.Resource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static community.doorstep.web.internal.Routes.HTML;
import static community.doorstep.web.internal.Routes.get;
import static community.doorstep.web.internal.Routes.post;

/**
 * The events feature's web parts, all declared here: the events API and the feeds, the list, month and event
 * widgets, residents' suggestions, the coordinator's and organisers' pages, their navigation, the widgets a
 * webmaster can embed, the read paths the node may cache, and the words of its pages.
 */
public final class EventsWeb implements WebFeature {
    private static final List<NavEntry> NAV = List.of(
            new NavEntry("events", "events", "nav.events"),
            new NavEntry("month", "events/month", "nav.month"),
            new NavEntry("submit", "submit", "nav.submit"));
    private static final List<EmbedWidget> EMBED_WIDGETS = List.of(
            new EmbedWidget("events", "events", "builder.widget.events", "builder.linkText.events"),
            new EmbedWidget("month", "events/month", "builder.widget.month", "builder.linkText.month"),
            new EmbedWidget("submit", "submit", "builder.widget.submit", "builder.linkText.submit"));
    /** The public reads: the events JSON and tags, the feeds, the list, month and event pages; never a form. */
    private static final List<Pattern> CACHEABLE = List.of(
            Pattern.compile("/api/v1/sites/(?<site>[a-z0-9-]+)/(?:events|tags)(?:/[^/]+)?"),
            Pattern.compile("/feeds/(?<site>[a-z0-9-]+)/[^/]+\\.ics"),
            Pattern.compile("/w/(?<site>[a-z0-9-]+)/events(?:/[^/]+)?"));

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String messageBundle() {
        return "community.doorstep.web.events.messages";
    }

    @Override
    public void addRoutes(WebRoutes routes) {
        Doorstep doorstep = routes.doorstep();
        Widgets widgets = routes.widgets();
        new EventsApi(doorstep).addTo(routes.api());
        new FeedApi(doorstep).addTo(routes.resource("feeds/{site}"));

        EventPages events = new EventPages(doorstep, widgets);
        // a burst of five suggestions, then one every two minutes, per site and client address
        FormGuard suggestions = new FormGuard(widgets, routes.writeLimiter(5, Duration.ofMinutes(2)));
        SubmissionPages submit = new SubmissionPages(doorstep, widgets, suggestions);
        CoordinatorPages coordinators = new CoordinatorPages(doorstep, widgets, routes.authorizer());
        Resource.Builder site = routes.widgetPages();
        get(site, "events", HTML, widgets.page(events::list));
        get(site, "events/month", HTML, widgets.page(events::month));
        get(site, "events/{eventId}", HTML, widgets.page(events::event));
        get(site, "submit", HTML, widgets.page(submit::form));
        post(site, "submit", widgets.form(submit::submit, false));
        get(site, "manage/{token}", HTML, widgets.page(submit::manage));
        post(site, "manage/{token}", widgets.form(submit::change, true));
        get(site, "admin", HTML, widgets.page(coordinators::adminSignedIn));
        post(site, "admin", widgets.form(coordinators::adminSignedInPost, false));
        get(site, "admin/{token}", HTML, widgets.page(coordinators::admin));
        post(site, "admin/{token}", widgets.form(coordinators::adminPost, true));
        get(site, "organiser/{token}", HTML, widgets.page(coordinators::organiser));
        post(site, "organiser/{token}", widgets.form(coordinators::organiserPost, true));
    }

    @Override
    public List<NavEntry> nav() {
        return NAV;
    }

    @Override
    public List<EmbedWidget> embedWidgets() {
        return EMBED_WIDGETS;
    }

    @Override
    public Set<String> queryParameters() {
        return Set.of("from", "to", "date", "month", "tag", "area", "org", "q", "limit", "cursor");
    }

    @Override
    public List<Pattern> cacheablePaths() {
        return CACHEABLE;
    }
}
