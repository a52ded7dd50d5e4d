package community.doorstep.web.internal;

import community.doorstep.Doorstep;
import community.doorstep.FieldError;
import community.doorstep.ForbiddenException;
import community.doorstep.NotFoundException;
import community.doorstep.access.Capability;
import community.doorstep.web.Authorizer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a coordinator reaches a feature's coordinator pages and API: with the site's admin token (in the page's path,
 * or as an API bearer token), or signed in by the host, as its {@link Authorizer} says.
 *
 * @param action  where the page's forms post back to
 * @param privacy how private the page is
 */
public record CoordinatorDesk(String action, Widgets.Privacy privacy) {
    /** The page at {@code path/{token}}, opened with the admin token; a wrong one is the page that is not there. */
    public static CoordinatorDesk byToken(Page page, Doorstep doorstep, String path) {
        String token = Routes.pathParam(page.request, "token");
        doorstep.access().require(page.calendar.id(), Capability.SITE_ADMIN, token);
        return new CoordinatorDesk(page.link(path + "/" + token), Widgets.Privacy.PRIVATE);
    }

    /** The page at {@code path}, for a coordinator the host signed in; anyone else gets the page that is not there. */
    public static CoordinatorDesk signedIn(Page page, Authorizer authorizer, String path) {
        HttpServletRequest servlet = Widgets.servletRequest(page.request);
        if (servlet == null || !authorizer.mayCoordinate(servlet, page.calendar.id())) {
            // the same page as for a wrong token: nothing says the route exists
            throw new NotFoundException("no coordinator page here");
        }
        return new CoordinatorDesk(page.link(path), Widgets.Privacy.SIGNED_IN);
    }

    /**
     * For a coordinator page at {@code path} the host has not signed its visitor in to: the form to open it with the
     * site's admin token (a link from the site's own pages then works), and for a right token a 303 to
     * {@code path/{token}}; a wrong one is refused on the form, in the visitor's language. Empty when the host signed
     * them in.
     */
    public static Optional<Response> signInInstead(Page page, Doorstep doorstep, Authorizer authorizer, Widgets widgets,
                                                   String path, FormBody body) {
        HttpServletRequest servlet = Widgets.servletRequest(page.request);
        if (servlet != null && authorizer.mayCoordinate(servlet, page.calendar.id())) {
            return Optional.empty();
        }
        List<FieldError> errors = List.of();
        if (body != null && "sign-in".equals(body.get("action"))) {
            String token = body.get("token") == null ? null : body.get("token").strip();
            if (token != null && doorstep.access().find(page.calendar.id(), Capability.SITE_ADMIN, token).isPresent()) {
                return Optional.of(Response.seeOther(URI.create(page.absolute(page.link(path + "/" + token))))
                        .header("Cache-Control", "no-store").build());
            }
            errors = List.of(new FieldError("token", token == null ? "required" : "wrong-token",
                    "token is not the site's admin token"));
        }
        Map<String, Object> model = page.model(page.t("coordinator.signIn.title"));
        model.put("action", page.link(path));
        new FormErrors(page, errors, Map.of()).addTo(model);
        // no-store, and a same-origin referrer so the browser sends the Origin the form post is checked by
        return Optional.of(widgets.render(page, "coordinator-sign-in", model, errors.isEmpty() ? 200 : 400,
                Widgets.Privacy.SIGNED_IN));
    }

    /**
     * Refuses an API request (403 problem) unless it carries the site's admin token as
     * {@code Authorization: Bearer …} or the host's {@link Authorizer} lets its sender coordinate the site.
     */
    public static void requireApi(ContainerRequestContext request, Doorstep doorstep, Authorizer authorizer, String siteId) {
        String header = request.getHeaderString("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && doorstep.access().find(siteId, Capability.SITE_ADMIN, header.substring(7).strip()).isPresent()) {
            return;
        }
        HttpServletRequest servlet = Widgets.servletRequest(request);
        if (servlet != null && authorizer.mayCoordinate(servlet, siteId)) {
            return;
        }
        throw new ForbiddenException("this needs the site's admin token (Authorization: Bearer …) or a coordinator signed in");
    }
}
