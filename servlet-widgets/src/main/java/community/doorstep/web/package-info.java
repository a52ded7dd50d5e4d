/**
 * The web face of Doorstep: JSON API, HTML widgets and iCal feeds for any Servlet 6 container.
 * Not yet implemented.
 */
package community.doorstep.web;
