package community.doorstep.site;

import community.doorstep.ConflictException;
import community.doorstep.internal.ContentVersions;
import community.doorstep.internal.Jdbc;
import community.doorstep.internal.SqlText;
import community.doorstep.notify.Address;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

final class JdbcSiteStore implements SiteStore {
    private final Jdbc jdbc;
    private final ContentVersions versions;

    JdbcSiteStore(Jdbc jdbc, ContentVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Override
    public void saveSite(Site site) {
        jdbc.inTransaction(connection -> {
            Address contact = site.coordinatorContact();
            Object[] values = {site.name(), site.zone().getId(),
                    SqlText.lines(site.languages().stream().map(Locale::toLanguageTag).toList()),
                    SqlText.sortedLines(site.allowedOrigins()), SqlText.sortedLines(site.trustedFeedHosts()),
                    site.suggestionRetentionDays(), contact == null ? null : contact.channel().name(),
                    contact == null ? null : contact.target(), contact == null ? null : contact.secret(),
                    site.writeAllowance(), site.id()};
            if (Jdbc.update(connection, "update doorstep_site set name = ?, zone = ?, languages = ?, allowed_origins = ?,"
                    + " trusted_feed_hosts = ?, suggestion_retention_days = ?, coordinator_channel = ?,"
                    + " coordinator_target = ?, coordinator_secret = ?, write_allowance = ?,"
                    + " content_version = content_version + 1"
                    + " where id = ?", values) == 0) {
                Jdbc.update(connection, "insert into doorstep_site (name, zone, languages, allowed_origins,"
                        + " trusted_feed_hosts, suggestion_retention_days, coordinator_channel, coordinator_target,"
                        + " coordinator_secret, write_allowance, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
            }
            return null;
        });
        changed(site.id());
    }

    @Override
    public Optional<Site> findSite(String siteId) {
        return jdbc.query("select * from doorstep_site where id = ?", JdbcSiteStore::site, siteId).stream().findFirst();
    }

    @Override
    public List<Site> sites() {
        return jdbc.query("select * from doorstep_site order by id", JdbcSiteStore::site);
    }

    private static Site site(ResultSet row) throws SQLException {
        return new Site(row.getString("id"), row.getString("name"), ZoneId.of(row.getString("zone")),
                SqlText.lines(row.getString("languages"), Locale::forLanguageTag),
                new HashSet<>(SqlText.lines(row.getString("allowed_origins"), text -> text)),
                new HashSet<>(SqlText.lines(row.getString("trusted_feed_hosts"), text -> text)),
                row.getInt("suggestion_retention_days"), row.getString("coordinator_channel") == null ? null
                : new Address(Address.Channel.valueOf(row.getString("coordinator_channel")),
                row.getString("coordinator_target"), row.getString("coordinator_secret")), row.getInt("write_allowance"));
    }

    @Override
    public void saveOrganisation(Organisation organisation) {
        jdbc.inTransaction(connection -> {
            upsert(connection, "doorstep_organisation", organisation.siteId(), organisation.id(),
                    new String[]{"name", "area_id", "website"},
                    new Object[]{organisation.name(), organisation.areaId(), organisation.website()});
            ContentVersions.bump(connection, organisation.siteId());
            return null;
        });
        changed(organisation.siteId());
    }

    @Override
    public Optional<Organisation> findOrganisation(String siteId, String organisationId) {
        return jdbc.query("select * from doorstep_organisation where site_id = ? and id = ?", JdbcSiteStore::organisation,
                siteId, organisationId).stream().findFirst();
    }

    @Override
    public List<Organisation> organisations(String siteId) {
        return jdbc.query("select * from doorstep_organisation where site_id = ? order by lower(name), id",
                JdbcSiteStore::organisation, siteId);
    }

    private static Organisation organisation(ResultSet row) throws SQLException {
        return new Organisation(row.getString("site_id"), row.getString("id"), row.getString("name"),
                row.getString("area_id"), row.getString("website"));
    }

    @Override
    public void saveArea(Area area) {
        jdbc.inTransaction(connection -> {
            upsert(connection, "doorstep_area", area.siteId(), area.id(), new String[]{"name"}, new Object[]{area.name()});
            ContentVersions.bump(connection, area.siteId());
            return null;
        });
        changed(area.siteId());
    }

    @Override
    public void addTag(String siteId, Tag tag) {
        boolean added;
        try {
            added = jdbc.inTransaction(connection -> {
                if (!Jdbc.query(connection, "select id from doorstep_tag where site_id = ? and id = ?", row -> row.getString(1),
                        siteId, tag.id()).isEmpty()) {
                    return false;
                }
                Jdbc.update(connection, "insert into doorstep_tag (site_id, id, label) values (?, ?, ?)", siteId, tag.id(), tag.label());
                ContentVersions.bump(connection, siteId);
                return true;
            });
        } catch (ConflictException e) {
            // two imports bringing the same new tag at once: the other added it, and the existing tag keeps its label
            added = false;
        }
        if (added) {
            changed(siteId);
        }
    }

    @Override
    public void saveTagLabel(String siteId, String tagId, String language, String label) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_tag_label where site_id = ? and tag_id = ? and language = ?",
                    siteId, tagId, language);
            if (label != null) {
                Jdbc.update(connection, "insert into doorstep_tag_label (site_id, tag_id, language, label)"
                        + " values (?, ?, ?, ?)", siteId, tagId, language, label);
            }
            ContentVersions.bump(connection, siteId);
            return null;
        });
        changed(siteId);
    }

    @Override
    public Map<String, String> tagLabels(String siteId, String language) {
        Map<String, String> labels = new java.util.HashMap<>();
        jdbc.query("select tag_id, label from doorstep_tag_label where site_id = ? and language = ?",
                row -> labels.put(row.getString(1), row.getString(2)), siteId, language);
        return Map.copyOf(labels);
    }

    @Override
    public List<Tag> tags(String siteId) {
        return jdbc.query("select id, label from doorstep_tag where site_id = ? order by id",
                row -> new Tag(row.getString("id"), row.getString("label")), siteId);
    }

    @Override
    public long contentVersion(String siteId) {
        return versions.current(siteId);
    }

    private void changed(String siteId) {
        jdbc.afterCommit(() -> versions.committed(siteId));
    }

    @Override
    public List<Area> areas(String siteId) {
        return jdbc.query("select * from doorstep_area where site_id = ? order by lower(name), id",
                row -> new Area(row.getString("site_id"), row.getString("id"), row.getString("name")), siteId);
    }

    /** Updates the row keyed by (site_id, id), or inserts it. */
    private static void upsert(Connection connection, String table, String siteId, String id, String[] columns,
                               Object[] values) throws SQLException {
        Object[] parameters = new Object[values.length + 2];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = siteId;
        parameters[values.length + 1] = id;
        String assignments = String.join(" = ?, ", columns) + " = ?";
        if (Jdbc.update(connection, "update " + table + " set " + assignments + " where site_id = ? and id = ?", parameters) == 0) {
            Jdbc.update(connection, "insert into " + table + " (" + String.join(", ", columns) + ", site_id, id) values ("
                    + "?, ".repeat(columns.length) + "?, ?)", parameters);
        }
    }
}
