package community.doorstep.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.DoorstepException;
import community.doorstep.internal.Digests;
import community.doorstep.internal.Jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbcOutboxStore implements OutboxStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final Jdbc jdbc;

    JdbcOutboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Message message) {
        Address to = message.to();
        jdbc.inTransaction(connection -> Jdbc.update(connection, "insert into doorstep_outbox (id, site_id, channel,"
                        + " target, secret, type, language, subject, body, data, created_at, state, attempts)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                message.id(), message.siteId(), to.channel().name(), to.target(), to.secret(), message.type(),
                message.language(), message.subject(), message.text(), json(message.data()),
                message.createdAt().toEpochMilli(), OutboxEntry.State.PENDING.name()));
    }

    @Override
    public Optional<OutboxEntry> find(String messageId) {
        return jdbc.query("select * from doorstep_outbox where id = ?", JdbcOutboxStore::entry, messageId)
                .stream().findFirst();
    }

    @Override
    public void attempted(String messageId, OutboxEntry.State state, String error, Instant at) {
        jdbc.update("update doorstep_outbox set state = ?, attempts = attempts + 1, last_error = ?, finished_at = ?"
                        + " where id = ?", state.name(), error == null ? null : abbreviate(error),
                state == OutboxEntry.State.PENDING ? null : at.toEpochMilli(), messageId);
    }

    @Override
    public List<OutboxEntry> recent(String siteId, int limit) {
        return jdbc.query("select * from doorstep_outbox where site_id = ? order by created_at desc, id limit ?",
                JdbcOutboxStore::entry, siteId, limit);
    }

    @Override
    public int purgeFinished(Instant before) {
        return jdbc.inTransaction(connection -> Jdbc.update(connection,
                "delete from doorstep_outbox where finished_at is not null and finished_at < ?", before.toEpochMilli()));
    }

    @Override
    public boolean isGone(String siteId, String target) {
        return !jdbc.query("select since from doorstep_gone_endpoint where site_id = ? and target_hash = ?",
                row -> row.getLong(1), siteId, hash(target)).isEmpty();
    }

    @Override
    public void markGone(String siteId, String target, boolean gone, Instant at) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "delete from doorstep_gone_endpoint where site_id = ? and target_hash = ?",
                    siteId, hash(target));
            if (gone) {
                Jdbc.update(connection, "insert into doorstep_gone_endpoint (site_id, target_hash, since) values (?, ?, ?)",
                        siteId, hash(target), at.toEpochMilli());
            }
            return null;
        });
    }

    private static OutboxEntry entry(ResultSet row) throws SQLException {
        Address to = new Address(Address.Channel.valueOf(row.getString("channel")), row.getString("target"),
                row.getString("secret"));
        Message message = new Message(row.getString("id"), row.getString("site_id"), to, row.getString("type"),
                row.getString("language"), row.getString("subject"), row.getString("body"), data(row.getString("data")),
                Instant.ofEpochMilli(row.getLong("created_at")));
        long finished = row.getLong("finished_at");
        Instant finishedAt = row.wasNull() ? null : Instant.ofEpochMilli(finished);
        return new OutboxEntry(message, OutboxEntry.State.valueOf(row.getString("state")), row.getInt("attempts"),
                row.getString("last_error"), finishedAt);
    }

    private static String json(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new DoorstepException("could not write a message's data", e);
        }
    }

    private static Map<String, String> data(String json) {
        try {
            return JSON.readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new DoorstepException("a message's stored data could not be read", e);
        }
    }

    /** Targets are contact details: the table of gone endpoints keeps only their hash. */
    private static String hash(String target) {
        return Digests.sha256Hex(target);
    }

    private static String abbreviate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }
}
