package community.doorstep.site;

import java.util.List;
import java.util.Optional;

/** Where sites, their organisations and areas are kept. Implementations must be thread-safe. */
public interface SiteStore {
    void saveSite(Site site);

    Optional<Site> findSite(String siteId);

    List<Site> sites();

    void saveOrganisation(Organisation organisation);

    Optional<Organisation> findOrganisation(String siteId, String organisationId);

    List<Organisation> organisations(String siteId);

    void saveArea(Area area);

    List<Area> areas(String siteId);
}
