package community.doorstep.web.help;

import community.doorstep.Doorstep;
import community.doorstep.web.internal.ApiWrites;
import community.doorstep.web.internal.EmbedWidget;
import community.doorstep.web.internal.FormGuard;
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
 * The help board's web parts, all declared here: its API, the board, offer and request pages and forms, the manage
 * pages behind each listing's and claim's private link, the giver's round list, the coordinator's desk, its
 * navigation entry, the {@code help} embed widget, the read paths the node may cache, and the words of its pages.
 */
public final class HelpWeb implements WebFeature {
    private static final List<NavEntry> NAV = List.of(new NavEntry("help", "help", "nav.help"));
    private static final List<EmbedWidget> EMBED_WIDGETS = List.of(
            new EmbedWidget("help", "help", "builder.widget.help", "builder.linkText.help"));
    /**
     * The public reads: the board, one offer, one request, and the offers JSON. Every claim and every change of an
     * offer moves the site's content version, so the node's cache never shows a stale "3 left".
     */
    private static final List<Pattern> CACHEABLE = List.of(
            Pattern.compile("/api/v1/sites/(?<site>[a-z0-9-]+)/offers(?:/[^/]+)?"),
            Pattern.compile("/w/(?<site>[a-z0-9-]+)/help(?:/(?:offers|requests)/[^/]+)?"));

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String messageBundle() {
        return "community.doorstep.web.help.messages";
    }

    @Override
    public void addRoutes(WebRoutes routes) {
        Doorstep doorstep = routes.doorstep();
        Widgets widgets = routes.widgets();
        // a burst of ten writes (offers, requests, claims, answers), then one a minute, per site and client address
        new HelpApi(doorstep, routes.authorizer(), new ApiWrites(routes.writeLimiter(10, Duration.ofMinutes(1))))
                .addTo(routes.api());
        FormGuard guard = new FormGuard(widgets, routes.writeLimiter(10, Duration.ofMinutes(1)));
        BoardPages board = new BoardPages(doorstep, widgets, guard);
        ManagePages manage = new ManagePages(doorstep, widgets, guard);
        DeskPages desk = new DeskPages(doorstep, widgets, routes.authorizer());
        Resource.Builder site = routes.widgetPages();
        get(site, "help", HTML, widgets.page(board::board));
        get(site, "help/offers/{offerId}", HTML, widgets.page(board::offer));
        post(site, "help/offers/{offerId}", widgets.form(board::claim, false));
        get(site, "help/requests/{requestId}", HTML, widgets.page(board::request));
        post(site, "help/requests/{requestId}", widgets.form(board::answer, false));
        get(site, "help/offer", HTML, widgets.page(board::offerForm));
        post(site, "help/offer", widgets.form(board::postOffer, false));
        get(site, "help/request", HTML, widgets.page(board::requestForm));
        post(site, "help/request", widgets.form(board::postRequest, false));
        get(site, "help/manage/{token}", HTML, widgets.page(manage::manage));
        post(site, "help/manage/{token}", widgets.form(manage::act, true));
        get(site, "help/round/{token}", HTML, widgets.page(manage::round));
        get(site, "help/desk", HTML, widgets.page(desk::signedIn));
        post(site, "help/desk", widgets.form(desk::signedInPost, false));
        get(site, "help/desk/counts.csv", "text/csv; charset=utf-8", widgets.page(desk::countsSignedIn));
        get(site, "help/desk/{token}", HTML, widgets.page(desk::byToken));
        post(site, "help/desk/{token}", widgets.form(desk::byTokenPost, true));
        get(site, "help/desk/{token}/counts.csv", "text/csv; charset=utf-8", widgets.page(desk::countsByToken));
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
        return Set.of("category", "area");
    }

    @Override
    public List<Pattern> cacheablePaths() {
        return CACHEABLE;
    }
}
