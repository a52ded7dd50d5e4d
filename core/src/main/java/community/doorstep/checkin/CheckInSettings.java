package community.doorstep.checkin;

import community.doorstep.internal.Validator;

/**
 * A site's limits on check-ins: how many times, and by how many minutes in all, a person may extend one.
 *
 * @param siteId              the site
 * @param maxExtensions       0 to 10
 * @param maxExtensionMinutes 0 to 240
 */
public record CheckInSettings(String siteId, int maxExtensions, int maxExtensionMinutes) {
    public static final int DEFAULT_MAX_EXTENSIONS = 2;
    public static final int DEFAULT_MAX_EXTENSION_MINUTES = 60;

    public CheckInSettings {
        Validator check = new Validator();
        siteId = check.slug("siteId", siteId);
        check.that(maxExtensions >= 0 && maxExtensions <= 10, "maxExtensions", "range",
                "maxExtensions must be between 0 and 10, not " + maxExtensions);
        check.that(maxExtensionMinutes >= 0 && maxExtensionMinutes <= 240, "maxExtensionMinutes", "range",
                "maxExtensionMinutes must be between 0 and 240, not " + maxExtensionMinutes);
        check.done();
    }

    /** The limits of a site that set none. */
    public static CheckInSettings defaults(String siteId) {
        return new CheckInSettings(siteId, DEFAULT_MAX_EXTENSIONS, DEFAULT_MAX_EXTENSION_MINUTES);
    }
}
