package community.doorstep.site;

import java.util.List;
import java.util.Optional;

/** Where sites, their organisations and areas are kept. Implementations must be thread-safe. */
public interface SiteStore {
    /** The store this feature keeps on the chosen storage: in memory, or in its tables over JDBC. */
    static SiteStore of(community.doorstep.store.Stores stores) {
        return stores.shared(SiteStore.class, () -> stores.memoryOnly()
                ? new MemorySiteStore(stores.contentVersions())
                : new JdbcSiteStore(stores.database(), stores.contentVersions()));
    }

    void saveSite(Site site);

    Optional<Site> findSite(String siteId);

    List<Site> sites();

    void saveOrganisation(Organisation organisation);

    Optional<Organisation> findOrganisation(String siteId, String organisationId);

    List<Organisation> organisations(String siteId);

    void saveArea(Area area);

    List<Area> areas(String siteId);

    /** Records a tag's label for a site; an existing tag keeps the label it has. */
    void addTag(String siteId, Tag tag);

    /** The site's tags, by id. */
    List<Tag> tags(String siteId);

    /**
     * A number that changes whenever anything residents see on the site changes (events, organisations,
     * areas): caches of public pages compare it to know whether they are still current. 0 for an unknown site.
     */
    long contentVersion(String siteId);
}
