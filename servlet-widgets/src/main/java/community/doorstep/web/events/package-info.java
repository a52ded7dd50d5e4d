/**
 * Internal: the events feature's web parts (the events API, the feeds, the event widgets, residents' suggestions,
 * the coordinator's and organisers' pages), registered through {@link community.doorstep.web.events.EventsWeb}, the
 * only public type. May change without notice.
 */
package community.doorstep.web.events;
