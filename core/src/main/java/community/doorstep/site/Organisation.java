package community.doorstep.site;

import community.doorstep.internal.Check;

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
        siteId = Check.slug("siteId", siteId);
        id = Check.slug("id", id);
        name = Check.text("name", name, 200);
        areaId = areaId == null ? null : Check.slug("areaId", areaId);
        website = Check.optionalText("website", website, 2000);
    }
}
