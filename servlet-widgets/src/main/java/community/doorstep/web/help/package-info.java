/**
 * The help board's web face: its JSON API, widget pages, manage pages, the coordinator's desk and their words, all
 * registered by {@link community.doorstep.web.help.HelpWeb}. Not for host applications: mount with
 * {@link community.doorstep.web.DoorstepWeb}.
 */
package community.doorstep.web.help;
