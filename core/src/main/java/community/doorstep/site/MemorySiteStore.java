package community.doorstep.site;

import community.doorstep.internal.ContentVersions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

final class MemorySiteStore implements SiteStore {
    private final Map<String, Site> sites = new ConcurrentSkipListMap<>();
    private final Map<String, Organisation> organisations = new ConcurrentHashMap<>();
    private final Map<String, Area> areas = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Tag>> tags = new ConcurrentHashMap<>();
    /** By site and language, e.g. {@code hulme/cy}: tag id to label. */
    private final Map<String, Map<String, String>> tagLabels = new ConcurrentHashMap<>();
    private final ContentVersions versions;

    MemorySiteStore(ContentVersions versions) {
        this.versions = versions;
    }

    @Override
    public void saveSite(Site site) {
        sites.put(site.id(), site);
        versions.bump(site.id());
    }

    @Override
    public Optional<Site> findSite(String siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }

    @Override
    public List<Site> sites() {
        return List.copyOf(sites.values());
    }

    @Override
    public void saveOrganisation(Organisation organisation) {
        organisations.put(organisation.siteId() + "/" + organisation.id(), organisation);
        versions.bump(organisation.siteId());
    }

    @Override
    public Optional<Organisation> findOrganisation(String siteId, String organisationId) {
        return Optional.ofNullable(organisations.get(siteId + "/" + organisationId));
    }

    @Override
    public List<Organisation> organisations(String siteId) {
        List<Organisation> found = new ArrayList<>();
        organisations.values().stream().filter(o -> o.siteId().equals(siteId)).forEach(found::add);
        found.sort(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER));
        return found;
    }

    @Override
    public void saveArea(Area area) {
        areas.put(area.siteId() + "/" + area.id(), area);
        versions.bump(area.siteId());
    }

    @Override
    public void addTag(String siteId, Tag tag) {
        if (tags.computeIfAbsent(siteId, k -> new ConcurrentSkipListMap<>()).putIfAbsent(tag.id(), tag) == null) {
            versions.bump(siteId);
        }
    }

    @Override
    public List<Tag> tags(String siteId) {
        return List.copyOf(tags.getOrDefault(siteId, Map.of()).values());
    }

    @Override
    public void saveTagLabel(String siteId, String tagId, String language, String label) {
        Map<String, String> labels = tagLabels.computeIfAbsent(siteId + "/" + language, k -> new ConcurrentHashMap<>());
        if (label == null) {
            labels.remove(tagId);
        } else {
            labels.put(tagId, label);
        }
        versions.bump(siteId);
    }

    @Override
    public Map<String, String> tagLabels(String siteId, String language) {
        return Map.copyOf(tagLabels.getOrDefault(siteId + "/" + language, Map.of()));
    }

    @Override
    public long contentVersion(String siteId) {
        return versions.current(siteId);
    }

    @Override
    public List<Area> areas(String siteId) {
        return areas.values().stream().filter(a -> a.siteId().equals(siteId))
                .sorted(Comparator.comparing(Area::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
