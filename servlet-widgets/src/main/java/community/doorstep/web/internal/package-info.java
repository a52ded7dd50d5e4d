/**
 * Internal: the layer every feature's web parts share, and may change without notice. It holds the page frame
 * ({@link community.doorstep.web.internal.Page}, the templates and their messages), the headers every widget page
 * gets, caching, the guard in front of everything, errors by {@code Accept}, the embed builder and the scripts, and
 * the contract a feature registers its web parts through ({@link community.doorstep.web.internal.WebFeature}).
 * Host applications use {@link community.doorstep.web.DoorstepWeb} instead.
 */
package community.doorstep.web.internal;
