package community.doorstep.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import community.doorstep.DoorstepException;
import community.doorstep.internal.Digests;
import community.doorstep.internal.Jdbc;
import community.doorstep.internal.Sealer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The outbox over JDBC. With a sealer, what a message says and whom it goes to (receiver, its secret, subject, text
 * and data) is kept encrypted, as the check-in it may be about is: an alert holds a nickname and a note.
 */
final class JdbcOutboxStore implements OutboxStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final Sealer sealer;

    /** {@code sealer} may be {@code null}: then messages are kept as they are. */
    JdbcOutboxStore(Jdbc jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    @Override
    public void add(Message message, String owner) {
        Address to = message.to();
        UnaryOperator<String> seal = sealer == null ? UnaryOperator.identity() : sealer::seal;
        jdbc.inTransaction(connection -> Jdbc.update(connection, "insert into doorstep_outbox (id, site_id, channel,"
                        + " target, secret, type, language, subject, body, data, created_at, state, attempts, owner, sealed)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                message.id(), message.siteId(), to.channel().name(), seal.apply(to.target()), seal.apply(to.secret()),
                message.type(), message.language(), seal.apply(message.subject()), seal.apply(message.text()),
                seal.apply(json(message.data())), message.createdAt().toEpochMilli(), OutboxEntry.State.PENDING.name(),
                owner, sealer != null));
    }

    @Override
    public void forget(String siteId, String owner) {
        jdbc.inTransaction(connection -> Jdbc.update(connection,
                "delete from doorstep_outbox where site_id = ? and owner = ?", siteId, owner));
    }

    @Override
    public Optional<OutboxEntry> find(String messageId) {
        return jdbc.query("select * from doorstep_outbox where id = ?", this::entry, messageId)
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
                this::entry, siteId, limit);
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

    private OutboxEntry entry(ResultSet row) throws SQLException {
        UnaryOperator<String> open = !row.getBoolean("sealed") ? UnaryOperator.identity() : sealer()::open;
        Address to = new Address(Address.Channel.valueOf(row.getString("channel")), open.apply(row.getString("target")),
                open.apply(row.getString("secret")));
        Message message = new Message(row.getString("id"), row.getString("site_id"), to, row.getString("type"),
                row.getString("language"), open.apply(row.getString("subject")), open.apply(row.getString("body")),
                data(open.apply(row.getString("data"))), Instant.ofEpochMilli(row.getLong("created_at")));
        long finished = row.getLong("finished_at");
        Instant finishedAt = row.wasNull() ? null : Instant.ofEpochMilli(finished);
        return new OutboxEntry(message, OutboxEntry.State.valueOf(row.getString("state")), row.getInt("attempts"),
                row.getString("last_error"), finishedAt);
    }

    private Sealer sealer() {
        if (sealer == null) {
            throw new DoorstepException("the outbox holds encrypted messages: give Doorstep the encryption key they were written with");
        }
        return sealer;
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

    /**
     * Targets are contact details: the table of gone endpoints keeps only their digest, keyed where the host gave a
     * key, so a guessed address cannot be confirmed by hashing it.
     */
    private String hash(String target) {
        return sealer != null ? sealer.digest(target) : Digests.sha256Hex(target);
    }

    private static String abbreviate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }
}
