package community.doorstep.site;

import community.doorstep.internal.Validator;

/**
 * A neighbourhood within a site, used to filter events and match help.
 *
 * @param siteId the site it belongs to
 * @param id     short URL-safe name, unique within the site
 * @param name   the name residents use for it
 */
public record Area(String siteId, String id, String name) {
    public Area {
        Validator check = new Validator();
        siteId = check.slug("siteId", siteId);
        id = check.slug("id", id);
        name = check.text("name", name, 200);
        check.done();
    }
}
