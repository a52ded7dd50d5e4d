package community.doorstep.events;

import community.doorstep.internal.Check;

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
        siteId = Check.slug("siteId", siteId);
        id = Check.slug("feedId", id);
        organisationId = organisationId == null ? null : Check.slug("organisationId", organisationId);
        if (url != null) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
            Check.that(scheme.equals("http") || scheme.equals("https") || scheme.equals("webcal"), "url", "scheme",
                    "url must start with http://, https:// or webcal://");
        }
    }
}
