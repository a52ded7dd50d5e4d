package community.doorstep.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.DoorstepException;
import community.doorstep.internal.Jdbc;
import community.doorstep.internal.Sealer;
import community.doorstep.notify.Address;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Check-ins in their tables, every nickname, note and contact sealed first. A change is one {@code update} whose
 * {@code where} names the check-in's state as it was read, so a deadline task and the person checking in at the same
 * moment (on two nodes, say) cannot both win.
 */
final class JdbcCheckInStore implements CheckInStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> RESPONDERS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final Sealer sealer;

    /** {@code sealer} may be {@code null}: then every use of check-ins says a key is needed, and nothing else does. */
    JdbcCheckInStore(Jdbc jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    private Sealer sealer() {
        if (sealer == null) {
            throw new IllegalStateException("check-ins keep notes and contacts encrypted: give Doorstep the key with "
                    + "Doorstep.builder().encryptionKey(…)");
        }
        return sealer;
    }

    /** Whether two reads of one check-in are of the same moment: nothing that changes it differs. */
    static boolean sameMoment(CheckIn a, CheckIn b) {
        return a.state() == b.state() && a.alertedTier() == b.alertedTier() && a.deadline().equals(b.deadline())
                && a.acknowledgedBy() == b.acknowledgedBy() && a.extensions() == b.extensions()
                && java.util.Objects.equals(a.endedAt(), b.endedAt());
    }

    static long median(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(seconds);
        sorted.sort(Long::compare);
        return sorted.get((sorted.size() - 1) / 2);
    }

    @Override
    public void saveCircle(Circle circle) {
        List<Map<String, Object>> responders = circle.responders().stream().map(responder -> Map.<String, Object>of(
                "name", responder.name(), "tier", responder.tier(), "channel", responder.channel().channel().name(),
                "target", responder.channel().target(),
                "secret", responder.channel().secret() == null ? "" : responder.channel().secret())).toList();
        String sealed = sealer().seal(json(responders));
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_circle where site_id = ? and id = ?", circle.siteId(), circle.id());
            return Jdbc.update(connection, "insert into doorstep_circle (site_id, id, name, escalate_after, responders)"
                    + " values (?, ?, ?, ?, ?)", circle.siteId(), circle.id(), circle.name(),
                    (int) circle.escalateAfter().toMinutes(), sealed);
        });
    }

    private Circle circle(ResultSet row) throws SQLException {
        List<Map<String, Object>> stored;
        try {
            stored = JSON.readValue(sealer().open(row.getString("responders")), RESPONDERS);
        } catch (JsonProcessingException e) {
            throw new DoorstepException("a circle's responders could not be read");
        }
        List<Responder> responders = stored.stream().map(r -> new Responder((String) r.get("name"),
                new Address(Address.Channel.valueOf((String) r.get("channel")), (String) r.get("target"),
                        ((String) r.get("secret")).isEmpty() ? null : (String) r.get("secret")),
                (Integer) r.get("tier"))).toList();
        return new Circle(row.getString("site_id"), row.getString("id"), row.getString("name"), responders,
                Duration.ofMinutes(row.getInt("escalate_after")));
    }

    @Override
    public Optional<Circle> circle(String siteId, String circleId) {
        return jdbc.query("select * from doorstep_circle where site_id = ? and id = ?", this::circle, siteId, circleId)
                .stream().findFirst();
    }

    @Override
    public List<Circle> circles(String siteId) {
        return jdbc.query("select * from doorstep_circle where site_id = ? order by name, id", this::circle, siteId);
    }

    @Override
    public void deleteCircle(String siteId, String circleId) {
        jdbc.update("delete from doorstep_circle where site_id = ? and id = ?", siteId, circleId);
    }

    @Override
    public void add(CheckIn c) {
        jdbc.update("insert into doorstep_checkin (site_id, id, nickname, note, circle_id, deadline, grace_minutes,"
                        + " extensions, extended_minutes, reminder, duress_pin_hash, state, alerted_tier, raised_at,"
                        + " acknowledged_by, acknowledged_at, created_at, ended_at, repeats_from, alert_kind)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.siteId(), c.id(), sealer().seal(c.nickname()), sealer().seal(c.note()), c.circleId(),
                c.deadline().toEpochMilli(), c.graceMinutes(), c.extensions(), c.extendedMinutes(),
                sealer().seal(address(c.reminder())), c.duressPinHash(), c.state().name(), c.alertedTier(),
                Jdbc.millis(c.raisedAt()), c.acknowledgedBy(), Jdbc.millis(c.acknowledgedAt()), c.createdAt().toEpochMilli(),
                Jdbc.millis(c.endedAt()), Jdbc.millis(c.repeatsFrom()), c.alertKind());
    }

    private CheckIn checkIn(ResultSet row) throws SQLException {
        return new CheckIn(row.getString("site_id"), row.getString("id"), sealer().open(row.getString("nickname")),
                sealer().open(row.getString("note")), row.getString("circle_id"),
                Instant.ofEpochMilli(row.getLong("deadline")), row.getInt("grace_minutes"), row.getInt("extensions"),
                row.getInt("extended_minutes"), address(sealer().open(row.getString("reminder"))),
                row.getString("duress_pin_hash"), CheckInState.valueOf(row.getString("state")),
                row.getInt("alerted_tier"), Jdbc.instant(row, "raised_at"), row.getInt("acknowledged_by"), Jdbc.instant(row, "acknowledged_at"),
                Instant.ofEpochMilli(row.getLong("created_at")), Jdbc.instant(row, "ended_at"),
                Jdbc.instant(row, "repeats_from"), row.getString("alert_kind"));
    }

    @Override
    public Optional<CheckIn> find(String siteId, String checkInId) {
        return jdbc.query("select * from doorstep_checkin where site_id = ? and id = ?", this::checkIn, siteId, checkInId)
                .stream().findFirst();
    }

    @Override
    public boolean replace(CheckIn expected, CheckIn updated) {
        return jdbc.inTransaction(connection -> Jdbc.update(connection, "update doorstep_checkin set deadline = ?,"
                        + " extensions = ?, extended_minutes = ?, state = ?, alerted_tier = ?, raised_at = ?,"
                        + " acknowledged_by = ?, acknowledged_at = ?, ended_at = ?, alert_kind = ? where site_id = ? and id = ?"
                        + " and state = ? and alerted_tier = ? and deadline = ? and acknowledged_by = ? and extensions = ?"
                        + " and coalesce(ended_at, -1) = ?",
                updated.deadline().toEpochMilli(), updated.extensions(), updated.extendedMinutes(), updated.state().name(),
                updated.alertedTier(), Jdbc.millis(updated.raisedAt()), updated.acknowledgedBy(), Jdbc.millis(updated.acknowledgedAt()),
                Jdbc.millis(updated.endedAt()), updated.alertKind(),
                expected.siteId(), expected.id(), expected.state().name(), expected.alertedTier(),
                expected.deadline().toEpochMilli(), expected.acknowledgedBy(), expected.extensions(),
                expected.endedAt() == null ? -1L : expected.endedAt().toEpochMilli())) == 1;
    }

    @Override
    public void delete(String siteId, String checkInId) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_checkin_number where site_id = ? and checkin_id = ?",
                    siteId, checkInId);
            return Jdbc.update(connection, "delete from doorstep_checkin where site_id = ? and id = ?", siteId, checkInId);
        });
    }

    @Override
    public Optional<CheckInSettings> settings(String siteId) {
        return jdbc.query("select * from doorstep_checkin_settings where site_id = ?", row -> new CheckInSettings(siteId,
                row.getInt("max_extensions"), row.getInt("max_extension_minutes")), siteId).stream().findFirst();
    }

    @Override
    public void saveSettings(CheckInSettings settings) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_checkin_settings where site_id = ?", settings.siteId());
            return Jdbc.update(connection, "insert into doorstep_checkin_settings (site_id, max_extensions,"
                    + " max_extension_minutes) values (?, ?, ?)", settings.siteId(), settings.maxExtensions(),
                    settings.maxExtensionMinutes());
        });
    }

    @Override
    public void saveGateway(SmsGateway gateway) {
        String sealed = sealer().seal(gateway.secret());
        String sender = gateway.sender() == null ? null : sealer().seal(json(sender(gateway.sender())));
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_sms_gateway where site_id = ?", gateway.siteId());
            return Jdbc.update(connection, "insert into doorstep_sms_gateway (site_id, kind, secret, sender)"
                    + " values (?, ?, ?, ?)", gateway.siteId(), gateway.kind().name(), sealed, sender);
        });
    }

    @Override
    public Optional<SmsGateway> gateway(String siteId) {
        return jdbc.query("select * from doorstep_sms_gateway where site_id = ?", row -> new SmsGateway(siteId,
                SmsGateway.Kind.valueOf(row.getString("kind")), sealer().open(row.getString("secret")),
                sender(sealer().open(row.getString("sender")))), siteId).stream().findFirst();
    }

    private static Map<String, String> sender(SmsGateway.Sender sender) {
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put("endpoint", sender.endpoint() == null ? null : sender.endpoint().toString());
        fields.put("account", sender.account());
        fields.put("password", sender.password());
        fields.put("from", sender.from());
        return fields;
    }

    private static SmsGateway.Sender sender(String text) {
        if (text == null) {
            return null;
        }
        Map<String, String> fields;
        try {
            fields = JSON.readValue(text, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new DoorstepException("a site's SMS gateway could not be read");
        }
        return new SmsGateway.Sender(fields.get("endpoint") == null ? null : java.net.URI.create(fields.get("endpoint")),
                fields.get("account"), fields.get("password"), fields.get("from"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings, maps and lists always serialise", e);
        }
    }

    @Override
    public void linkNumber(String siteId, String numberDigest, String checkInId, Instant at) {
        jdbc.update("insert into doorstep_checkin_number (site_id, number_digest, checkin_id, linked_at) values (?, ?, ?, ?)",
                siteId, numberDigest, checkInId, at.toEpochMilli());
    }

    @Override
    public List<String> checkInsOfNumber(String siteId, String numberDigest) {
        return jdbc.query("select checkin_id from doorstep_checkin_number where site_id = ? and number_digest = ?"
                + " order by seq desc", row -> row.getString(1), siteId, numberDigest);
    }

    @Override
    public List<CheckIn> endedBefore(Instant instant) {
        return jdbc.query("select * from doorstep_checkin where ended_at is not null and ended_at < ? order by ended_at",
                this::checkIn, instant.toEpochMilli());
    }

    @Override
    public void count(String siteId, LocalDate week, boolean alerted, long secondsToAcknowledge) {
        jdbc.inTransaction(connection -> {
            int updated = Jdbc.update(connection, "update doorstep_checkin_count set check_ins = check_ins + 1,"
                    + " alerts_raised = alerts_raised + ? where site_id = ? and week = ?", alerted ? 1 : 0, siteId, week);
            if (updated == 0) {
                Jdbc.update(connection, "insert into doorstep_checkin_count (site_id, week, check_ins, alerts_raised)"
                        + " values (?, ?, 1, ?)", siteId, week, alerted ? 1 : 0);
            }
            if (secondsToAcknowledge >= 0) {
                Jdbc.update(connection, "insert into doorstep_checkin_ack (site_id, week, seconds) values (?, ?, ?)",
                        siteId, week, secondsToAcknowledge);
            }
            return null;
        });
    }

    @Override
    public List<CheckInCount> counts(String siteId) {
        return jdbc.query("select * from doorstep_checkin_count where site_id = ? order by week", row -> {
            LocalDate week = row.getObject("week", LocalDate.class);
            return new CheckInCount(siteId, week, row.getInt("check_ins"), row.getInt("alerts_raised"),
                    median(jdbc.query("select seconds from doorstep_checkin_ack where site_id = ? and week = ?",
                            ack -> ack.getLong(1), siteId, week)));
        }, siteId);
    }

    /** An address as one line of text, to be sealed: channel, target and secret. */
    private static String address(Address address) {
        return address == null ? null : address.channel().name() + "\n" + address.target() + "\n"
                + (address.secret() == null ? "" : address.secret());
    }

    private static Address address(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\n", -1);
        return new Address(Address.Channel.valueOf(parts[0]), parts[1], parts[2].isEmpty() ? null : parts[2]);
    }
}
