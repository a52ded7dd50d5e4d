package community.doorstep.access;

/** What a secret link lets its holder do. There are no accounts: holding the link is the permission. */
public enum Capability {
    /** Manage an organisation's profile, feeds and events (the organiser link). */
    ORGANISER,
    /** Edit or withdraw one suggested event (the manage link a resident gets after submitting). */
    SUBMISSION,
    /** Manage one offer of help: its claims, their messages, withdrawing it (the giver's manage link). */
    OFFER,
    /** Follow one claim on an offer: its messages, cancelling it (the claimant's manage link). */
    CLAIM,
    /** Manage one request for help (the requester's manage link). */
    HELP_REQUEST,
    /** Follow one answer to a request for help (the helper's manage link). */
    HELPER,
    /** Check in, extend or call for help on one check-in (the person's own link). */
    CHECK_IN,
    /** Answer one alert of one check-in: acknowledge it, or say the person is safe (a responder's link). */
    RESPONDER,
    /** Coordinate a whole site: moderation, organisations, feeds (the standalone admin token). */
    SITE_ADMIN
}
