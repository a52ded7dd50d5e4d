package community.doorstep.access;

/** What a secret link lets its holder do. There are no accounts: holding the link is the permission. */
public enum Capability {
    /** Manage an organisation's profile, feeds and events (the organiser link). */
    ORGANISER,
    /** Edit or withdraw one suggested event (the manage link a resident gets after submitting). */
    SUBMISSION,
    /** Coordinate a whole site: moderation, organisations, feeds (the standalone admin token). */
    SITE_ADMIN
}
