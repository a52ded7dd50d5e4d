/**
 * Check-ins' web face: their JSON API, the person's and the responders' private pages and the coordinator's circles,
 * registered by {@link community.doorstep.web.checkin.CheckInWeb}. Not for host applications: mount with
 * {@link community.doorstep.web.DoorstepWeb}.
 */
package community.doorstep.web.checkin;
