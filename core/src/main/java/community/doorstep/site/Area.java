package community.doorstep.site;

import community.doorstep.internal.Check;

/**
 * A neighbourhood within a site, used to filter events and match help.
 *
 * @param siteId the site it belongs to
 * @param id     short URL-safe name, unique within the site
 * @param name   the name residents use for it
 */
public record Area(String siteId, String id, String name) {
    public Area {
        siteId = Check.slug("siteId", siteId);
        id = Check.slug("id", id);
        name = Check.text("name", name, 200);
    }
}
