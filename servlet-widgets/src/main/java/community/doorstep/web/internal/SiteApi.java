package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.site.Area;
import community.doorstep.site.Organisation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.model.Resource;

import java.util.List;
import java.util.regex.Pattern;

import static community.doorstep.web.internal.Routes.JSON;
import static community.doorstep.web.internal.Routes.get;
import static community.doorstep.web.internal.Routes.pathParam;

/**
 * The site's own lists in version 1 of the JSON API, which every feature's filters use:
 * {@code api/v1/sites/{site}/organisations} and {@code …/areas}.
 */
final class SiteApi {
    /** Both lists are public and change only with the site's content. */
    static final List<Pattern> CACHEABLE = List.of(
            Pattern.compile("/api/v1/sites/(?<site>[a-z0-9-]+)/(?:organisations|areas)(?:/[^/]+)?"));

    private final Doorstep doorstep;

    SiteApi(Doorstep doorstep) {
        this.doorstep = doorstep;
    }

    void addTo(Resource.Builder site) {
        get(site, "organisations", JSON, this::organisations);
        get(site, "areas", JSON, this::areas);
    }

    private Response organisations(ContainerRequestContext request) {
        SiteCalendar calendar = site(request);
        return Routes.json(new OrganisationsJson(doorstep.sites().organisations(calendar.id()).stream()
                .map(OrganisationJson::of).toList()));
    }

    private Response areas(ContainerRequestContext request) {
        SiteCalendar calendar = site(request);
        return Routes.json(new AreasJson(doorstep.sites().areas(calendar.id()).stream().map(AreaJson::of).toList()));
    }

    private SiteCalendar site(ContainerRequestContext request) {
        return SiteCalendar.of(doorstep, pathParam(request, "site"));
    }

    record OrganisationJson(String id, String name, String area, String website) {
        static OrganisationJson of(Organisation organisation) {
            return new OrganisationJson(organisation.id(), organisation.name(), organisation.areaId(),
                    organisation.website());
        }
    }

    record OrganisationsJson(List<OrganisationJson> organisations) {
    }

    record AreaJson(String id, String name) {
        static AreaJson of(Area area) {
            return new AreaJson(area.id(), area.name());
        }
    }

    record AreasJson(List<AreaJson> areas) {
    }
}
