package community.doorstep.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets a host application that already signs its coordinators in (container security, its own login) open
 * a site's coordinator page at {@code w/{site}/admin} without an admin token. Pass one to
 * {@link DoorstepWeb#mount(jakarta.servlet.ServletContext, String, community.doorstep.Doorstep, Authorizer)}.
 */
@FunctionalInterface
public interface Authorizer {
    /** Refuses everyone: coordinators then need the site's admin token. */
    Authorizer NOBODY = (request, siteId) -> false;

    /**
     * Whether the person behind this request may coordinate the site: moderate suggestions and add
     * organisations.
     *
     * @param request the request as the container sees it (its principal, roles, headers)
     * @param siteId  the site the coordinator page is for
     * @return {@code true} to allow, {@code false} to answer as if the page did not exist
     */
    boolean mayCoordinate(HttpServletRequest request, String siteId);
}
