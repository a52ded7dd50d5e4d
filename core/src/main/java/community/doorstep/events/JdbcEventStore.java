package community.doorstep.events;

import community.doorstep.access.ModerationState;
import community.doorstep.internal.ContentVersions;
import community.doorstep.internal.Jdbc;
import community.doorstep.internal.SqlText;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Events in one table, indexed on their span so a window query reads only what can overlap the window:
 * short events (at most {@link #SHORT}) by first start, long series by last end, and series without end.
 */
final class JdbcEventStore implements EventStore {
    private static final Duration SHORT = Duration.ofDays(7);
    private static final int SPAN_SHORT = 0;
    private static final int SPAN_LONG = 1;
    private static final int SPAN_ENDLESS = 2;
    /** Keeps IN lists well inside what both databases accept. */
    private static final int IN_LIST_CHUNK = 500;

    private static final String COLUMNS = "site_id, id, uid, recurrence_id, recurrence_key, this_and_future, sequence_no,"
            + " title, description, starts_at, ends_at, all_day, rules, additions, exclusions, location_name, address,"
            + " postcode, latitude, longitude, online_link, tags, organisation_id, area_id, accessibility, cost,"
            + " booking_link, status, source, feed_id, moderation, language, span_kind, first_start, last_end";
    private static final String INSERT = "insert into doorstep_event (" + COLUMNS + ") values ("
            + "?, ".repeat(COLUMNS.split(",").length - 1) + "?)";
    /** Every column but the key, in {@link #COLUMNS}' order, then the key: a save changes the row in place. */
    private static final String UPDATE = "update doorstep_event set "
            + String.join(" = ?, ", Arrays.asList(COLUMNS.split(", ")).subList(2, COLUMNS.split(", ").length))
            + " = ? where site_id = ? and id = ?";

    private final Jdbc jdbc;
    private final ContentVersions versions;
    /**
     * H2 answers {@code uid in (…)} by testing the list against every event of the site, so a window query
     * over 50,000 events spent most of its time there; one indexed lookup per uid is fifty times faster on H2.
     * PostgreSQL plans the list well and would pay a round trip per uid instead.
     */
    private final boolean overridesOneUidAtATime;

    JdbcEventStore(Jdbc jdbc, ContentVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.overridesOneUidAtATime = jdbc.isH2();
    }

    @Override
    public Optional<Event> find(String siteId, String eventId) {
        return jdbc.query("select * from doorstep_event where site_id = ? and id = ?", JdbcEventStore::event,
                siteId, eventId).stream().findFirst();
    }

    @Override
    public List<Event> findOverlapping(String siteId, Instant from, Instant to) {
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        return jdbc.query("select * from doorstep_event where site_id = ? and span_kind = " + SPAN_SHORT
                        + " and first_start >= ? and first_start < ?"
                        + " union all select * from doorstep_event where site_id = ? and span_kind = " + SPAN_LONG
                        + " and last_end >= ? and first_start < ?"
                        + " union all select * from doorstep_event where site_id = ? and span_kind = " + SPAN_ENDLESS
                        + " and first_start < ?",
                JdbcEventStore::event,
                siteId, from.minus(SHORT).toEpochMilli(), toMillis,
                siteId, fromMillis, toMillis,
                siteId, toMillis);
    }

    @Override
    public List<Event> findOverrides(String siteId, Collection<String> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        if (overridesOneUidAtATime) {
            return jdbc.queryEach("select * from doorstep_event where site_id = ? and uid = ? and recurrence_id is not null",
                    JdbcEventStore::event, uids.stream().map(uid -> new Object[]{siteId, uid}).toList());
        }
        List<String> all = List.copyOf(uids);
        List<Event> found = new ArrayList<>();
        for (int start = 0; start < all.size(); start += IN_LIST_CHUNK) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + IN_LIST_CHUNK));
            Object[] parameters = new Object[chunk.size() + 1];
            parameters[0] = siteId;
            for (int i = 0; i < chunk.size(); i++) {
                parameters[i + 1] = chunk.get(i);
            }
            found.addAll(jdbc.query("select * from doorstep_event where site_id = ? and recurrence_id is not null and uid in ("
                    + "?, ".repeat(chunk.size() - 1) + "?)", JdbcEventStore::event, parameters));
        }
        return found;
    }

    @Override
    public List<Event> findByModeration(String siteId, ModerationState state) {
        return jdbc.query("select * from doorstep_event where site_id = ? and moderation = ?", JdbcEventStore::event,
                siteId, state.name());
    }

    @Override
    public List<Event> feedEvents(String siteId, String feedId) {
        return jdbc.query("select * from doorstep_event where site_id = ? and feed_id = ?", JdbcEventStore::event,
                siteId, feedId);
    }

    @Override
    public void saveFeed(Feed feed) {
        jdbc.inTransaction(connection -> {
            Object[] values = {feed.organisationId(), feed.url() == null ? null : feed.url().toString(), feed.siteId(), feed.id()};
            if (Jdbc.update(connection, "update doorstep_feed set organisation_id = ?, url = ? where site_id = ? and id = ?",
                    values) == 0) {
                Jdbc.update(connection, "insert into doorstep_feed (organisation_id, url, site_id, id) values (?, ?, ?, ?)", values);
            }
            return null;
        });
    }

    @Override
    public Optional<Feed> findFeed(String siteId, String feedId) {
        return jdbc.query("select * from doorstep_feed where site_id = ? and id = ?", JdbcEventStore::feed, siteId, feedId)
                .stream().findFirst();
    }

    @Override
    public void deleteFeed(String siteId, String feedId) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_event where site_id = ? and feed_id = ?", siteId, feedId);
            Jdbc.update(connection, "delete from doorstep_feed where site_id = ? and id = ?", siteId, feedId);
            ContentVersions.bump(connection, siteId);
            return null;
        });
        jdbc.afterCommit(() -> versions.committed(siteId));
    }

    @Override
    public List<Feed> feeds(String siteId) {
        return jdbc.query("select * from doorstep_feed where site_id = ? order by id", JdbcEventStore::feed, siteId);
    }

    private static Feed feed(ResultSet row) throws SQLException {
        String url = row.getString("url");
        return new Feed(row.getString("site_id"), row.getString("id"), row.getString("organisation_id"),
                url == null ? null : URI.create(url));
    }

    @Override
    public Optional<FeedStatus> feedStatus(String siteId, String feedId) {
        return jdbc.query("select * from doorstep_feed where site_id = ? and id = ? and last_attempt is not null",
                row -> new FeedStatus(row.getString("site_id"), row.getString("id"), Jdbc.instant(row, "last_attempt"),
                        Jdbc.instant(row, "last_success"), row.getString("last_error"), row.getString("checksum"),
                        row.getString("etag"), row.getString("last_modified")),
                siteId, feedId).stream().findFirst();
    }

    @Override
    public void apply(FeedImport feedImport) {
        List<Object[]> removals = new ArrayList<>();
        feedImport.removedIds().forEach(id -> removals.add(new Object[]{feedImport.siteId(), id}));
        List<Object[]> inserts = new ArrayList<>();
        for (Event event : feedImport.upserts()) {
            removals.add(new Object[]{event.siteId(), event.id()});
            inserts.add(row(event));
        }
        long at = feedImport.importedAt().toEpochMilli();
        jdbc.inTransaction(connection -> {
            ensureFeed(connection, feedImport.siteId(), feedImport.feedId());
            Jdbc.batch(connection, "delete from doorstep_event where site_id = ? and id = ?", removals);
            Jdbc.batch(connection, INSERT, inserts);
            if (!removals.isEmpty()) {
                ContentVersions.bump(connection, feedImport.siteId());
            }
            return Jdbc.update(connection, "update doorstep_feed set checksum = ?, last_attempt = ?, last_success = ?,"
                    + " last_error = null, etag = ?, last_modified = ? where site_id = ? and id = ?", feedImport.checksum(),
                    at, at, clip(feedImport.etag(), 500), clip(feedImport.lastModified(), 100),
                    feedImport.siteId(), feedImport.feedId());
        });
        if (!removals.isEmpty()) {
            jdbc.afterCommit(() -> versions.committed(feedImport.siteId()));
        }
    }

    @Override
    public void recordFeedFailure(String siteId, String feedId, Instant at, String error) {
        jdbc.inTransaction(connection -> {
            ensureFeed(connection, siteId, feedId);
            return Jdbc.update(connection, "update doorstep_feed set last_attempt = ?, last_error = ? where site_id = ? and id = ?",
                    at.toEpochMilli(), clip(error, 2000), siteId, feedId);
        });
    }

    private static void ensureFeed(Connection connection, String siteId, String feedId) throws SQLException {
        if (Jdbc.query(connection, "select id from doorstep_feed where site_id = ? and id = ?", row -> row.getString(1),
                siteId, feedId).isEmpty()) {
            Jdbc.update(connection, "insert into doorstep_feed (site_id, id) values (?, ?)", siteId, feedId);
        }
    }

    @Override
    public void save(Event event) {
        Object[] row = row(event);
        // changed in place, not deleted and inserted: two saves of one event at once then wait for each other
        Object[] update = new Object[row.length];
        System.arraycopy(row, 2, update, 0, row.length - 2);
        update[row.length - 2] = event.siteId();
        update[row.length - 1] = event.id();
        jdbc.inTransaction(connection -> {
            // the event's row before the site's version, always, so a save and a decision never wait on each other
            int saved = Jdbc.update(connection, UPDATE, update) > 0 ? 1 : Jdbc.update(connection, INSERT, row);
            ContentVersions.bump(connection, event.siteId());
            return saved;
        });
        jdbc.afterCommit(() -> versions.committed(event.siteId()));
    }

    @Override
    public boolean replace(Event expected, Event next) {
        return jdbc.inTransaction(connection -> {
            // the row stays locked until the change commits: an edit at the same moment waits, then finds it changed
            boolean same = Jdbc.query(connection, "select * from doorstep_event where site_id = ? and id = ? for update",
                    JdbcEventStore::event, expected.siteId(), expected.id()).stream().anyMatch(expected::equals);
            if (same) {
                save(next);
            }
            return same;
        });
    }

    @Override
    public void delete(String siteId, String eventId) {
        jdbc.inTransaction(connection -> {
            int deleted = Jdbc.update(connection, "delete from doorstep_event where site_id = ? and id = ?", siteId, eventId);
            ContentVersions.bump(connection, siteId);
            return deleted;
        });
        jdbc.afterCommit(() -> versions.committed(siteId));
    }

    private static Object[] row(Event event) {
        EventSpan span = EventSpan.of(event);
        int kind = span.unbounded() ? SPAN_ENDLESS
                : Duration.between(span.firstStart(), span.lastEnd()).compareTo(SHORT) <= 0 ? SPAN_SHORT : SPAN_LONG;
        Location location = event.location();
        return new Object[]{event.siteId(), event.id(), event.uid(), SqlText.zoned(event.recurrenceId()),
                event.recurrenceId() == null ? "" : event.recurrenceId().toInstant().toString(),
                event.thisAndFuture(), event.sequence(),
                event.title(), event.description(), SqlText.zoned(event.time().start()), SqlText.zoned(event.time().end()),
                event.time().allDay(), SqlText.lines(event.recurrence().rules()), SqlText.lines(event.recurrence().additions()),
                SqlText.lines(event.recurrence().exclusions()),
                location == null ? null : location.name(), location == null ? null : location.address(),
                location == null ? null : location.postcode(), location == null ? null : location.latitude(),
                location == null ? null : location.longitude(), text(event.onlineLink()), SqlText.sortedLines(event.tags()),
                event.organisationId(), event.areaId(), event.accessibility(), event.cost(), text(event.bookingLink()),
                event.status().name(), event.source().name(), event.feedId(), event.moderation().name(),
                event.language(), kind, span.firstStart().toEpochMilli(), span.unbounded() ? null : span.lastEnd().toEpochMilli()};
    }

    private static Event event(ResultSet row) throws SQLException {
        boolean hasPlace = row.getString("location_name") != null || row.getString("address") != null
                || row.getString("postcode") != null || row.getObject("latitude") != null;
        Location location = hasPlace ? new Location(row.getString("location_name"), row.getString("address"),
                row.getString("postcode"), row.getObject("latitude", Double.class), row.getObject("longitude", Double.class))
                : null;
        return new Event(row.getString("site_id"), row.getString("id"), row.getString("uid"),
                SqlText.zoned(row.getString("recurrence_id")), row.getBoolean("this_and_future"),
                row.getInt("sequence_no"), row.getString("title"), row.getString("description"),
                new EventTime(SqlText.zoned(row.getString("starts_at")), SqlText.zoned(row.getString("ends_at")),
                        row.getBoolean("all_day")),
                new Recurrence(SqlText.lines(row.getString("rules"), text -> text),
                        SqlText.lines(row.getString("additions"), SqlText::zoned),
                        SqlText.lines(row.getString("exclusions"), SqlText::zoned)),
                location, uri(row.getString("online_link")), new HashSet<>(SqlText.lines(row.getString("tags"), text -> text)),
                row.getString("organisation_id"), row.getString("area_id"), row.getString("accessibility"),
                row.getString("cost"), uri(row.getString("booking_link")), EventStatus.valueOf(row.getString("status")),
                EventSource.valueOf(row.getString("source")), row.getString("feed_id"),
                ModerationState.valueOf(row.getString("moderation")), row.getString("language"));
    }

    /** Longer than a column holds only when a server misbehaves; the start is what matters. */
    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String text(URI uri) {
        return uri == null ? null : uri.toString();
    }

    private static URI uri(String text) {
        return text == null ? null : URI.create(text);
    }
}
