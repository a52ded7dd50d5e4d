package community.doorstep.site;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where sites, their organisations and areas are kept. Implementations must be thread-safe. */
public interface SiteStore {
    /** The store this feature keeps on the chosen storage: in memory, or in its tables over JDBC. */
    static SiteStore of(community.doorstep.store.Stores stores) {
        return stores.shared(SiteStore.class, () -> stores.memoryOnly()
                ? new MemorySiteStore(stores.contentVersions())
                : new JdbcSiteStore(stores.database(), stores.contentVersions()));
    }

    /** Creates a site or replaces its settings, by id. */
    void saveSite(Site site);

    /** The site with this id, if there is one. */
    Optional<Site> findSite(String siteId);

    /** Every site, by id. */
    List<Site> sites();

    /** Creates or replaces a group of a site, by site and id. */
    void saveOrganisation(Organisation organisation);

    /** One group of a site, if there is one. */
    Optional<Organisation> findOrganisation(String siteId, String organisationId);

    /** A site's groups, by name. */
    List<Organisation> organisations(String siteId);

    /** Creates or renames an area of a site, by site and id. */
    void saveArea(Area area);

    /** A site's areas, by name. */
    List<Area> areas(String siteId);

    /** Records a tag's label for a site; an existing tag keeps the label it has. */
    void addTag(String siteId, Tag tag);

    /** The site's tags, by id. */
    List<Tag> tags(String siteId);

    /** Sets (or, with a {@code null} label, removes) a tag's label in one language. */
    void saveTagLabel(String siteId, String tagId, String language, String label);

    /** The site's tag labels in one language, by tag id: only those given in it. */
    Map<String, String> tagLabels(String siteId, String language);

    /**
     * A number that changes whenever anything residents see on the site changes (events, organisations,
     * areas): caches of public pages compare it to know whether they are still current. 0 for an unknown site.
     */
    long contentVersion(String siteId);
}
