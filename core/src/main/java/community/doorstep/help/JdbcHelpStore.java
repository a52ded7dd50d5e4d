package community.doorstep.help;

import community.doorstep.access.ModerationState;
import community.doorstep.internal.ContentVersions;
import community.doorstep.internal.Jdbc;

import java.sql.Connection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The help board in its tables. Units move only in single {@code update} statements whose {@code where} checks what
 * remains, so concurrent claims on one offer (on any number of nodes) queue on its row and never oversubscribe it;
 * a check constraint on the table refuses it besides.
 */
final class JdbcHelpStore implements HelpStore {
    private static final String OFFER_COLUMNS = "site_id, id, title, details, category, area, quantity, held, confirmed,"
            + " window_date, window_weekday, window_start, window_end, expires_at, dietary, allergens, handover, giver_name,"
            + " contact_email, contact_phone, state, moderation, created_at, closed_at";
    /** After units move, an offer that is not over is full exactly when none remain. */
    private static final String RESTATE = "state = case when state in ('OPEN', 'FULL') then case when"
            + " quantity - (held + ?) - (confirmed + ?) <= 0 then 'FULL' else 'OPEN' end else state end";

    private final Jdbc jdbc;
    private final ContentVersions versions;
    private final boolean h2;

    JdbcHelpStore(Jdbc jdbc, ContentVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.h2 = jdbc.isH2();
    }

    /** One guarded update of something the board shows; whether it matched, the content version moved if so. */
    private boolean updateShown(String siteId, String sql, Object... parameters) {
        return jdbc.inTransaction(connection -> {
            boolean updated = Jdbc.update(connection, sql, parameters) == 1;
            if (updated) {
                changed(connection, siteId);
            }
            return updated;
        });
    }

    /** What the board shows changed: the site's content version moves in the same transaction. */
    private void changed(Connection connection, String siteId) throws SQLException {
        ContentVersions.bump(connection, siteId);
        jdbc.afterCommit(() -> versions.committed(siteId));
    }

    @Override
    public Optional<HelpSettings> settings(String siteId) {
        return jdbc.query("select * from doorstep_help_settings where site_id = ?", JdbcHelpStore::settings, siteId)
                .stream().findFirst();
    }

    private static HelpSettings settings(ResultSet row) throws SQLException {
        List<Category> categories = row.getString("categories").lines().map(line -> {
            int tab = line.indexOf('\t');
            return tab < 0 ? new Category(line, null) : new Category(line.substring(0, tab), line.substring(tab + 1));
        }).toList();
        return new HelpSettings(row.getString("site_id"), HelpMode.valueOf(row.getString("mode")),
                row.getBoolean("moderate"), row.getInt("hold_minutes"), row.getInt("retention_days"), categories);
    }

    @Override
    public void saveSettings(HelpSettings settings) {
        String categories = settings.categories().stream()
                .map(category -> category.label() == null ? category.id() : category.id() + "\t" + category.label())
                .collect(Collectors.joining("\n"));
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_help_settings where site_id = ?", settings.siteId());
            changed(connection, settings.siteId());
            return Jdbc.update(connection, "insert into doorstep_help_settings (site_id, mode, moderate, hold_minutes,"
                            + " retention_days, categories) values (?, ?, ?, ?, ?, ?)", settings.siteId(),
                    settings.mode().name(), settings.moderateListings(), settings.holdMinutes(), settings.retentionDays(),
                    categories);
        });
    }

    @Override
    public void addOffer(Offer offer) {
        OfferDetails d = offer.details();
        HelpWindow w = d.window();
        jdbc.inTransaction(connection -> {
            changed(connection, offer.siteId());
            return Jdbc.update(connection, "insert into doorstep_help_offer (" + OFFER_COLUMNS + ") values"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                offer.siteId(), offer.id(), d.title(), d.details(), d.category(), d.area(), d.quantity(), offer.held(),
                offer.confirmed(), w.date(), w.weekday() == null ? null : w.weekday().getValue(), w.start().toString(),
                w.end().toString(), d.expiresAt().toEpochMilli(), names(d.dietary()), d.allergens(), d.handover().name(),
                d.giverName(), d.contact().email(), d.contact().phone(), offer.state().name(), offer.moderation().name(),
                offer.createdAt().toEpochMilli(), Jdbc.millis(offer.closedAt()));
        });
    }

    private static Offer offer(ResultSet row) throws SQLException {
        LocalDate date = row.getObject("window_date", LocalDate.class);
        int weekday = row.getInt("window_weekday");
        HelpWindow window = new HelpWindow(date, row.wasNull() ? null : DayOfWeek.of(weekday),
                LocalTime.parse(row.getString("window_start")), LocalTime.parse(row.getString("window_end")));
        OfferDetails details = new OfferDetails(row.getString("title"), row.getString("details"),
                row.getString("category"), row.getString("area"), row.getInt("quantity"), window,
                Instant.ofEpochMilli(row.getLong("expires_at")), parts(row.getString("dietary"), Dietary.class, Dietary::valueOf),
                row.getString("allergens"), Handover.valueOf(row.getString("handover")), row.getString("giver_name"),
                contact(row, "contact_email", "contact_phone"));
        return new Offer(row.getString("site_id"), row.getString("id"), details, row.getInt("held"),
                row.getInt("confirmed"), OfferState.valueOf(row.getString("state")),
                ModerationState.valueOf(row.getString("moderation")), Instant.ofEpochMilli(row.getLong("created_at")),
                Jdbc.instant(row, "closed_at"));
    }

    @Override
    public Optional<Offer> offer(String siteId, String offerId) {
        return jdbc.query("select * from doorstep_help_offer where site_id = ? and id = ?", JdbcHelpStore::offer,
                siteId, offerId).stream().findFirst();
    }

    @Override
    public List<Offer> offers(String siteId, Set<OfferState> states) {
        return jdbc.query("select * from doorstep_help_offer where site_id = ? and state in (" + in(states) + ")"
                + " order by created_at, id", JdbcHelpStore::offer, siteId);
    }

    @Override
    public boolean updateOffer(Offer offer, Set<OfferState> from) {
        return updateShown(offer.siteId(), "update doorstep_help_offer set state = ?, moderation = ?, closed_at = ?"
                        + " where site_id = ? and id = ? and state in (" + in(from) + ")",
                offer.state().name(), offer.moderation().name(), Jdbc.millis(offer.closedAt()), offer.siteId(), offer.id());
    }

    @Override
    public boolean hold(Claim claim, Instant now) {
        int quantity = claim.details().quantity();
        int held = claim.state().held(quantity);
        int confirmed = claim.state().confirmed(quantity);
        return jdbc.inTransaction(connection -> {
            int taken = Jdbc.update(connection, "update doorstep_help_offer set held = held + ?, confirmed = confirmed + ?, "
                            + RESTATE + " where site_id = ? and id = ? and state = 'OPEN' and moderation = 'APPROVED'"
                            + " and expires_at > ? and quantity - held - confirmed >= ?",
                    held, confirmed, held, confirmed, claim.siteId(), claim.offerId(), now.toEpochMilli(), quantity);
            if (taken == 0) {
                return false;
            }
            changed(connection, claim.siteId());
            Contact contact = claim.details().contact();
            Jdbc.update(connection, "insert into doorstep_help_claim (site_id, id, offer_id, quantity, name,"
                            + " contact_email, contact_phone, state, held_until, created_at, closed_at, giver_shares,"
                            + " claimant_shares) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    claim.siteId(), claim.id(), claim.offerId(), quantity, claim.details().name(),
                    contact == null ? null : contact.email(), contact == null ? null : contact.phone(),
                    claim.state().name(), claim.heldUntil().toEpochMilli(), claim.createdAt().toEpochMilli(),
                    Jdbc.millis(claim.closedAt()), names(claim.giverShares()), names(claim.claimantShares()));
            return true;
        });
    }

    private static Claim claim(ResultSet row) throws SQLException {
        ClaimDetails details = new ClaimDetails(row.getInt("quantity"), row.getString("name"),
                contact(row, "contact_email", "contact_phone"));
        return new Claim(row.getString("site_id"), row.getString("id"), row.getString("offer_id"), details,
                ClaimState.valueOf(row.getString("state")), Instant.ofEpochMilli(row.getLong("held_until")),
                Instant.ofEpochMilli(row.getLong("created_at")), Jdbc.instant(row, "closed_at"),
                parts(row.getString("giver_shares"), Contact.Part.class, Contact.Part::valueOf),
                parts(row.getString("claimant_shares"), Contact.Part.class, Contact.Part::valueOf));
    }

    @Override
    public Optional<Claim> claim(String siteId, String claimId) {
        return jdbc.query("select * from doorstep_help_claim where site_id = ? and id = ?", JdbcHelpStore::claim,
                siteId, claimId).stream().findFirst();
    }

    @Override
    public List<Claim> claims(String siteId, String offerId) {
        return jdbc.query("select * from doorstep_help_claim where site_id = ? and offer_id = ? order by created_at, id",
                JdbcHelpStore::claim, siteId, offerId);
    }

    @Override
    public boolean moveClaim(Claim claim, ClaimState to, Instant closedAt) {
        int quantity = claim.details().quantity();
        int held = to.held(quantity) - claim.state().held(quantity);
        int confirmed = to.confirmed(quantity) - claim.state().confirmed(quantity);
        return jdbc.inTransaction(connection -> {
            int moved = Jdbc.update(connection, "update doorstep_help_claim set state = ?, closed_at = ?"
                            + " where site_id = ? and id = ? and state = ?", to.name(), Jdbc.millis(closedAt), claim.siteId(),
                    claim.id(), claim.state().name());
            if (moved == 1 && (held != 0 || confirmed != 0)) {
                Jdbc.update(connection, "update doorstep_help_offer set held = held + ?, confirmed = confirmed + ?, "
                                + RESTATE + " where site_id = ? and id = ?", held, confirmed, held, confirmed,
                        claim.siteId(), claim.offerId());
                changed(connection, claim.siteId());
            }
            return moved == 1;
        });
    }

    @Override
    public void updateShares(Claim claim) {
        jdbc.update("update doorstep_help_claim set giver_shares = ?, claimant_shares = ? where site_id = ? and id = ?",
                names(claim.giverShares()), names(claim.claimantShares()), claim.siteId(), claim.id());
    }

    @Override
    public void addRequest(HelpRequest request) {
        RequestDetails d = request.details();
        jdbc.inTransaction(connection -> {
            changed(connection, request.siteId());
            return Jdbc.update(connection, "insert into doorstep_help_request (site_id, id, need, details, category,"
                        + " area, needed_by, urgency, for_someone_else, dietary, name, contact_email, contact_phone, state,"
                        + " moderation, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                request.siteId(), request.id(), d.need(), d.details(), d.category(), d.area(), d.neededBy(),
                d.urgency().name(), d.forSomeoneElse(), names(d.dietary()), d.name(),
                d.contact() == null ? null : d.contact().email(), d.contact() == null ? null : d.contact().phone(),
                request.state().name(), request.moderation().name(), request.createdAt().toEpochMilli());
        });
        if (request.offerId() != null || request.helper() != null || request.closedAt() != null) {
            updateRequest(request, EnumSet.allOf(RequestState.class));
        }
    }

    private static HelpRequest request(ResultSet row) throws SQLException {
        RequestDetails details = new RequestDetails(row.getString("need"), row.getString("details"),
                row.getString("category"), row.getString("area"), row.getObject("needed_by", LocalDate.class),
                Urgency.valueOf(row.getString("urgency")), row.getBoolean("for_someone_else"),
                parts(row.getString("dietary"), Dietary.class, Dietary::valueOf), row.getString("name"),
                contact(row, "contact_email", "contact_phone"));
        String helperName = row.getString("helper_name");
        Helper helper = helperName == null ? null : new Helper(helperName, contact(row, "helper_email", "helper_phone"));
        return new HelpRequest(row.getString("site_id"), row.getString("id"), details,
                RequestState.valueOf(row.getString("state")), row.getString("offer_id"), row.getString("claim_id"),
                helper, parts(row.getString("requester_shares"), Contact.Part.class, Contact.Part::valueOf),
                parts(row.getString("helper_shares"), Contact.Part.class, Contact.Part::valueOf),
                ModerationState.valueOf(row.getString("moderation")), Instant.ofEpochMilli(row.getLong("created_at")),
                Jdbc.instant(row, "closed_at"));
    }

    @Override
    public Optional<HelpRequest> request(String siteId, String requestId) {
        return jdbc.query("select * from doorstep_help_request where site_id = ? and id = ?", JdbcHelpStore::request,
                siteId, requestId).stream().findFirst();
    }

    @Override
    public List<HelpRequest> requests(String siteId, Set<RequestState> states) {
        return jdbc.query("select * from doorstep_help_request where site_id = ? and state in (" + in(states) + ")"
                + " order by created_at, id", JdbcHelpStore::request, siteId);
    }

    @Override
    public boolean updateRequest(HelpRequest request, Set<RequestState> from) {
        Helper helper = request.helper();
        Contact helperContact = helper == null ? null : helper.contact();
        return updateShown(request.siteId(), "update doorstep_help_request set state = ?, offer_id = ?, claim_id = ?,"
                        + " helper_name = ?, helper_email = ?, helper_phone = ?, requester_shares = ?, helper_shares = ?,"
                        + " moderation = ?, closed_at = ? where site_id = ? and id = ? and state in (" + in(from) + ")",
                request.state().name(), request.offerId(), request.claimId(), helper == null ? null : helper.name(),
                helperContact == null ? null : helperContact.email(), helperContact == null ? null : helperContact.phone(),
                names(request.requesterShares()), names(request.helperShares()), request.moderation().name(),
                Jdbc.millis(request.closedAt()), request.siteId(), request.id());
    }

    @Override
    public void addPost(ThreadPost post) {
        jdbc.update("insert into doorstep_help_post (site_id, thread_id, id, side, body, at) values (?, ?, ?, ?, ?, ?)",
                post.siteId(), post.threadId(), post.id(), post.from().name(), post.text(), post.at().toEpochMilli());
    }

    @Override
    public List<ThreadPost> posts(String siteId, String threadId) {
        return jdbc.query("select * from doorstep_help_post where site_id = ? and thread_id = ? order by at, id",
                row -> new ThreadPost(row.getString("site_id"), row.getString("thread_id"), row.getString("id"),
                        Side.valueOf(row.getString("side")), row.getString("body"), Instant.ofEpochMilli(row.getLong("at"))),
                siteId, threadId);
    }

    @Override
    public void addCount(HelpCount count) {
        // H2 has no "on conflict"; its merge takes the row lock, as PostgreSQL's upsert does
        String sql = h2
                ? "merge into doorstep_help_count t using (values (cast(? as varchar(64)), cast(? as date),"
                + " cast(? as varchar(80)), cast(? as varchar(64)), cast(? as integer), cast(? as integer)))"
                + " s (site_id, week, area, category, units, requests) on t.site_id = s.site_id and t.week = s.week"
                + " and t.area = s.area and t.category = s.category"
                + " when matched then update set units_given = t.units_given + s.units,"
                + " requests_completed = t.requests_completed + s.requests"
                + " when not matched then insert values (s.site_id, s.week, s.area, s.category, s.units, s.requests)"
                : "insert into doorstep_help_count (site_id, week, area, category, units_given, requests_completed)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (site_id, week, area, category) do update set"
                + " units_given = doorstep_help_count.units_given + excluded.units_given,"
                + " requests_completed = doorstep_help_count.requests_completed + excluded.requests_completed";
        jdbc.update(sql, count.siteId(), count.week(), count.area(), count.category(), count.unitsGiven(),
                count.requestsCompleted());
    }

    @Override
    public List<HelpCount> counts(String siteId) {
        return jdbc.query("select * from doorstep_help_count where site_id = ? order by week, area, category",
                row -> new HelpCount(row.getString("site_id"), row.getObject("week", LocalDate.class),
                        row.getString("area"), row.getString("category"), row.getInt("units_given"),
                        row.getInt("requests_completed")), siteId);
    }

    @Override
    public void deleteOffer(String siteId, String offerId) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_help_post where site_id = ? and thread_id in"
                    + " (select id from doorstep_help_claim where site_id = ? and offer_id = ?)", siteId, siteId, offerId);
            Jdbc.update(connection, "delete from doorstep_help_claim where site_id = ? and offer_id = ?", siteId, offerId);
            changed(connection, siteId);
            return Jdbc.update(connection, "delete from doorstep_help_offer where site_id = ? and id = ?", siteId, offerId);
        });
    }

    @Override
    public void deleteClaim(String siteId, String claimId) {
        deleteWithThread("doorstep_help_claim", siteId, claimId);
    }

    @Override
    public void deleteRequest(String siteId, String requestId) {
        jdbc.inTransaction(connection -> {
            changed(connection, siteId);
            deleteWithThread("doorstep_help_request", siteId, requestId);
            return null;
        });
    }

    private void deleteWithThread(String table, String siteId, String id) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_help_post where site_id = ? and thread_id = ?", siteId, id);
            return Jdbc.update(connection, "delete from " + table + " where site_id = ? and id = ?", siteId, id);
        });
    }

    private static Contact contact(ResultSet row, String emailColumn, String phoneColumn) throws SQLException {
        String email = row.getString(emailColumn);
        String phone = row.getString(phoneColumn);
        return email == null && phone == null ? null : new Contact(email, phone);
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> parts(String names, Class<E> type, Function<String, E> parse) {
        if (names == null) {
            return null;
        }
        Set<E> parts = EnumSet.noneOf(type);
        Arrays.stream(names.split(",")).filter(name -> !name.isEmpty()).map(parse).forEach(parts::add);
        return parts;
    }

    private static String in(Set<? extends Enum<?>> states) {
        return states.isEmpty() ? "''" : states.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
    }

}
