package community.doorstep.events;

/** How an event reached Doorstep. */
public enum EventSource {
    /** Imported from a group's iCal feed. */
    FEED,
    /** Suggested by a resident through the form. */
    SUBMISSION,
    /** Written by a host application or coordinator through the API. */
    API
}
