/**
 * The web face of Doorstep for any Servlet 6 container: the versioned JSON API and the iCal feeds, with
 * HTML widgets to follow. {@link community.doorstep.web.DoorstepWeb} is the one public type; everything
 * else here is package-private and may change without notice.
 */
package community.doorstep.web;
