/**
 * The web face of Doorstep for any Servlet 6 container: the versioned JSON API, the iCal feeds and the
 * server-rendered HTML widgets. {@link community.doorstep.web.DoorstepWeb} (the entry point) and
 * {@link community.doorstep.web.Authorizer} (the host's say over the coordinator page) are the public types.
 * Each feature's web parts live in a package of their own ({@code web.events}) and are registered in one place,
 * {@code WebFeatures}; what they share is in {@code web.internal}, which may change without notice.
 */
package community.doorstep.web;
