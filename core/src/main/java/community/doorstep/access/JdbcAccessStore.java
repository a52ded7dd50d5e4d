package community.doorstep.access;

import community.doorstep.internal.Jdbc;

import java.time.Instant;
import java.util.Optional;

final class JdbcAccessStore implements AccessStore {
    private final Jdbc jdbc;

    JdbcAccessStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Grant grant) {
        jdbc.update("insert into doorstep_grant (token_hash, site_id, capability, subject_id, created_at) values (?, ?, ?, ?, ?)",
                grant.tokenHash(), grant.siteId(), grant.capability().name(), grant.subjectId(), grant.createdAt().toEpochMilli());
    }

    @Override
    public Optional<Grant> findByHash(String tokenHash) {
        return jdbc.query("select * from doorstep_grant where token_hash = ?",
                row -> new Grant(row.getString("token_hash"), row.getString("site_id"),
                        Capability.valueOf(row.getString("capability")), row.getString("subject_id"),
                        Instant.ofEpochMilli(row.getLong("created_at"))), tokenHash).stream().findFirst();
    }

    @Override
    public void revoke(String siteId, Capability capability, String subjectId) {
        jdbc.update("delete from doorstep_grant where site_id = ? and capability = ? and subject_id = ?",
                siteId, capability.name(), subjectId);
    }
}
