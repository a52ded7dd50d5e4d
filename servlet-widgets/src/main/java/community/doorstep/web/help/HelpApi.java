package community.doorstep.web.help;

import community.doorstep.Doorstep;
import community.doorstep.help.Claim;
import community.doorstep.help.HelpRequest;
import community.doorstep.help.Listed;
import community.doorstep.help.Offer;
import community.doorstep.site.Site;
import community.doorstep.web.Authorizer;
import community.doorstep.web.help.HelpJson.CreatedJson;
import community.doorstep.web.help.HelpJson.DeskEntryJson;
import community.doorstep.web.help.HelpJson.DeskJson;
import community.doorstep.web.help.HelpJson.MatchJson;
import community.doorstep.web.help.HelpJson.NewClaimJson;
import community.doorstep.web.help.HelpJson.NewOfferJson;
import community.doorstep.web.help.HelpJson.NewRequestJson;
import community.doorstep.web.help.HelpJson.OfferJson;
import community.doorstep.web.help.HelpJson.OffersJson;
import community.doorstep.web.help.HelpJson.RequestJson;
import community.doorstep.web.internal.ApiWrites;
import community.doorstep.web.internal.CoordinatorDesk;
import community.doorstep.web.internal.Json;
import community.doorstep.web.internal.QueryParams;
import community.doorstep.web.internal.Routes;
import community.doorstep.web.internal.SiteCalendar;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.model.Resource;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static community.doorstep.web.internal.Routes.JSON;
import static community.doorstep.web.internal.Routes.get;
import static community.doorstep.web.internal.Routes.pathParam;
import static community.doorstep.web.internal.Routes.postJson;

/**
 * The help board in version 1 of the JSON API, under {@code api/v1/sites/{site}/}: open offers; posting offers,
 * requests and claims (limited per site and client, like the forms; a claim on too few units is a 409); and, for a
 * coordinator (the admin token as a bearer token, or the host's {@link Authorizer}), the desk, matching, no-shows and
 * the counts.
 */
final class HelpApi {
    private final Doorstep doorstep;
    private final Authorizer authorizer;
    private final ApiWrites writes;

    HelpApi(Doorstep doorstep, Authorizer authorizer, ApiWrites writes) {
        this.doorstep = doorstep;
        this.authorizer = authorizer;
        this.writes = writes;
    }

    void addTo(Resource.Builder site) {
        get(site, "offers", JSON, this::offers);
        get(site, "offers/{offerId}", JSON, request -> Routes.json(OfferJson.of(
                doorstep.help().offer(siteId(request), pathParam(request, "offerId")))));
        postJson(site, "offers", request -> writes.limited(request, site(request), () -> {
            Listed<Offer> listed = doorstep.help().postOffer(siteId(request), Json.read(request, NewOfferJson.class).toDetails());
            return created(request, listed.item().id(), HelpViews.name(listed.item().state()), listed.manageToken());
        }));
        postJson(site, "requests", request -> writes.limited(request, site(request), () -> {
            Listed<HelpRequest> listed = doorstep.help().postRequest(siteId(request),
                    Json.read(request, NewRequestJson.class).toDetails());
            return created(request, listed.item().id(), HelpViews.name(listed.item().state()), listed.manageToken());
        }));
        postJson(site, "offers/{offerId}/claims", request -> writes.limited(request, site(request), () -> {
            Listed<Claim> listed = doorstep.help().claim(siteId(request), pathParam(request, "offerId"),
                    Json.read(request, NewClaimJson.class).toDetails());
            return created(request, listed.item().id(), HelpViews.name(listed.item().state()), listed.manageToken());
        }));
        get(site, "help/desk", JSON, request -> coordinator(request, () -> Routes.json(new DeskJson(
                doorstep.help().desk(siteId(request)).stream().map(DeskEntryJson::of).toList()))));
        postJson(site, "requests/{requestId}/suggest", request -> coordinator(request, () -> Routes.json(RequestJson.of(
                doorstep.help().suggest(siteId(request), pathParam(request, "requestId"),
                        Json.read(request, MatchJson.class).offerId())))));
        postJson(site, "requests/{requestId}/match", request -> coordinator(request, () -> Routes.json(RequestJson.of(
                doorstep.help().confirmMatch(siteId(request), pathParam(request, "requestId"),
                        Json.read(request, MatchJson.class).offerId())))));
        Routes.postAction(site, "claims/{claimId}/no-show", request -> coordinator(request, () -> {
            Claim claim = doorstep.help().recordNoShowAsCoordinator(siteId(request), pathParam(request, "claimId"));
            return Routes.json(new CreatedJson(claim.id(), HelpViews.name(claim.state()), null, null));
        }));
        get(site, "help/counts.csv", "text/csv; charset=utf-8", request -> coordinator(request, () ->
                Response.ok(doorstep.help().countsCsv(siteId(request)).getBytes(StandardCharsets.UTF_8))
                        .header("Content-Type", "text/csv; charset=utf-8").header("Cache-Control", "no-store").build()));
    }

    /** {@code offers?category&area}: the open offers residents can claim from now, what is available today first. */
    private Response offers(ContainerRequestContext request) {
        String siteId = siteId(request);
        QueryParams params = Routes.queryParams(request);
        String category = params.slug("category");
        String area = params.text("area", 80);
        params.throwIfInvalid();
        return Routes.json(new OffersJson(doorstep.help().board(siteId, category, area).stream().map(OfferJson::of).toList()));
    }

    private Response created(ContainerRequestContext request, String id, String state, String token) {
        String link = request.getUriInfo().getBaseUri().toString() + "w/" + siteId(request) + "/help/manage/" + token;
        return Routes.created(new CreatedJson(id, state, link, token));
    }

    private Response coordinator(ContainerRequestContext request, Supplier<Response> answer) {
        CoordinatorDesk.requireApi(request, doorstep, authorizer, siteId(request));
        return answer.get();
    }

    private String siteId(ContainerRequestContext request) {
        return site(request).id();
    }

    private Site site(ContainerRequestContext request) {
        return SiteCalendar.of(doorstep, pathParam(request, "site")).site();
    }
}
