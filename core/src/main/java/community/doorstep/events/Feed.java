package community.doorstep.events;

import community.doorstep.internal.Validator;

import java.net.URI;

/**
 * An iCal feed a group keeps (Google, Outlook, a WordPress plugin…) whose events Doorstep imports.
 *
 * @param siteId         the site its events go to
 * @param id             short URL-safe name, unique within the site
 * @param organisationId the group whose feed it is, or {@code null}
 * @param url            where to fetch it ({@code http}, {@code https} or {@code webcal}), or {@code null}
 *                       for a calendar handed over as a file
 */
public record Feed(String siteId, String id, String organisationId, URI url) {
    public Feed {
        Validator check = new Validator();
        siteId = check.slug("siteId", siteId);
        id = check.slug("feedId", id);
        organisationId = check.optionalSlug("organisationId", organisationId);
        if (url != null) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            check.that(scheme.equals("http") || scheme.equals("https") || scheme.equals("webcal"), "url", "scheme",
                    "url must start with http://, https:// or webcal://");
            check.that(url.toString().length() <= Validator.MAX_LINK, "url", "too-long",
                    "url must be at most " + Validator.MAX_LINK + " characters, not " + url.toString().length());
        }
        check.done();
    }
}
