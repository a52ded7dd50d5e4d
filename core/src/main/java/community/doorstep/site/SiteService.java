package community.doorstep.site;

import community.doorstep.NotFoundException;
import community.doorstep.internal.Validator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sites (partnerships), their organisations, areas and tags. Get it from {@link community.doorstep.Doorstep#sites()}.
 * Everything belongs to one site and nothing crosses between them.
 */
public final class SiteService {
    private final SiteStore store;

    /** Wired by {@link community.doorstep.Doorstep}; host applications get the service from there. */
    public SiteService(SiteStore store) {
        this.store = store;
    }

    /** Creates a site or changes its settings. */
    public void saveSite(Site site) {
        store.saveSite(site);
    }

    public Optional<Site> findSite(String siteId) {
        return store.findSite(siteId);
    }

    /** The site, or a {@link NotFoundException} naming it. */
    public Site requireSite(String siteId) {
        return store.findSite(siteId).orElseThrow(() -> new NotFoundException("there is no site " + siteId));
    }

    /** Every site, by id. */
    public List<Site> sites() {
        return store.sites();
    }

    /** Creates or changes a group of the site, which must exist. */
    public void saveOrganisation(Organisation organisation) {
        requireSite(organisation.siteId());
        store.saveOrganisation(organisation);
    }

    public Optional<Organisation> findOrganisation(String siteId, String organisationId) {
        return store.findOrganisation(siteId, organisationId);
    }

    /** The site's groups, by name. */
    public List<Organisation> organisations(String siteId) {
        return store.organisations(siteId);
    }

    /** Creates or renames an area of the site, which must exist. */
    public void saveArea(Area area) {
        requireSite(area.siteId());
        store.saveArea(area);
    }

    /** The site's areas, by name. */
    public List<Area> areas(String siteId) {
        return store.areas(siteId);
    }

    /** Records a tag's label for a site; an existing tag keeps the label it has. */
    public void addTag(String siteId, Tag tag) {
        store.addTag(siteId, tag);
    }

    /** The site's tags, by id. */
    public List<Tag> tags(String siteId) {
        return store.tags(siteId);
    }

    /**
     * Gives a tag its label in one language, as residents reading in it see the tag (a {@code null} label goes back
     * to the label it was first written with).
     *
     * @param language e.g. {@code cy}
     */
    public void labelTag(String siteId, String tagId, Locale language, String label) {
        Validator check = new Validator();
        String id = check.slug("tag", tagId);
        String text = label == null ? null : check.text("label", label, 100);
        check.required("language", language);
        check.done();
        store.saveTagLabel(siteId, id, language.getLanguage(), text);
    }

    /**
     * What each of the site's tags is called in a language: its label in that language, else the label it was first
     * written with, else its id.
     *
     * @return tag id to label
     */
    public Map<String, String> tagLabels(String siteId, Locale language) {
        Map<String, String> labels = new java.util.HashMap<>();
        store.tags(siteId).forEach(tag -> labels.put(tag.id(), tag.label()));
        labels.putAll(store.tagLabels(siteId, language.getLanguage()));
        return Map.copyOf(labels);
    }

    /** A number that changes whenever anything residents see on the site changes; 0 for an unknown site. */
    public long contentVersion(String siteId) {
        return store.contentVersion(siteId);
    }
}
