package community.doorstep.site;

import community.doorstep.internal.Validator;

/**
 * A community group that runs events or offers help within a site.
 *
 * @param siteId  the site it belongs to
 * @param id      short URL-safe name, unique within the site
 * @param name    the name residents see
 * @param areaId  where it is based, or {@code null}
 * @param website its own web page, or {@code null}
 */
public record Organisation(String siteId, String id, String name, String areaId, String website) {
    public Organisation {
        Validator check = new Validator();
        siteId = check.slug("siteId", siteId);
        id = check.slug("id", id);
        name = check.text("name", name, 200);
        areaId = check.optionalSlug("areaId", areaId);
        website = check.optionalText("website", website, Validator.MAX_LINK);
        check.done();
    }
}
