/**
 * The web face of Doorstep for any Servlet 6 container: the versioned JSON API, the iCal feeds and the
 * server-rendered HTML widgets. {@link community.doorstep.web.DoorstepWeb} (the entry point) and
 * {@link community.doorstep.web.Authorizer} (the host's say over the coordinator page) are the public types;
 * everything else here is package-private and may change without notice.
 */
package community.doorstep.web;
