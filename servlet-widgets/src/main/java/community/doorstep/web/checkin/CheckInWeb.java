package community.doorstep.web.checkin;

import community.doorstep.Doorstep;
import community.doorstep.web.internal.ApiWrites;
import community.doorstep.web.internal.EmbedWidget;
import community.doorstep.web.internal.FormGuard;
import community.doorstep.web.internal.WebFeature;
import community.doorstep.web.internal.WebRoutes;
import community.doorstep.web.internal.Widgets;
import org.glassfish.jersey.server.model.Resource;

import java.time.Duration;
import java.util.List;

import static community.doorstep.web.internal.Routes.HTML;
import static community.doorstep.web.internal.Routes.get;
import static community.doorstep.web.internal.Routes.post;

/**
 * Check-ins' web parts: the API, the page to start one, the person's page, the responder's page and the coordinator's
 * circles; the {@code checkin} embed widget. Not in the shared navigation, and nothing of it is cacheable: every page
 * is private.
 */
public final class CheckInWeb implements WebFeature {
    private static final List<EmbedWidget> EMBED_WIDGETS = List.of(
            new EmbedWidget("checkin", "checkin", "builder.widget.checkin", "builder.linkText.checkin"));

    @Override
    public String name() {
        return "checkin";
    }

    @Override
    public String messageBundle() {
        return "community.doorstep.web.checkin.messages";
    }

    @Override
    public void addRoutes(WebRoutes routes) {
        Doorstep doorstep = routes.doorstep();
        Widgets widgets = routes.widgets();
        // a burst of five starts, then one every two minutes, per site and client address
        new CheckInApi(doorstep, routes.authorizer(), new ApiWrites(routes.writeLimiter(5, Duration.ofMinutes(2))))
                .addTo(routes.api());
        CheckInPages pages = new CheckInPages(doorstep, widgets,
                new FormGuard(widgets, routes.writeLimiter(5, Duration.ofMinutes(2))));
        Resource.Builder site = routes.widgetPages();
        get(site, "checkin", HTML, widgets.page(pages::startForm));
        // the start page sends no referrer either, so its own post arrives with Origin: null; a forged one could do no
        // more than the anonymous API already can, within the same limit
        post(site, "checkin", widgets.form(pages::start, true));
        get(site, "checkin/{token}", HTML, widgets.page(pages::mine));
        post(site, "checkin/{token}", widgets.form(pages::act, true));
        get(site, "checkin/respond/{token}", HTML, widgets.page(pages::respond));
        post(site, "checkin/respond/{token}", widgets.form(pages::respondAct, true));
        get(site, "checkin/circles/{token}", HTML, widgets.page(pages::circles));
        post(site, "checkin/circles/{token}", widgets.form(pages::circlesAct, true));
        new SmsHook(doorstep).addTo(routes.resource("hooks/sms/{site}"));
    }

    @Override
    public List<EmbedWidget> embedWidgets() {
        return EMBED_WIDGETS;
    }
}
