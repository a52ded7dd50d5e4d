package community.doorstep.access;

import java.util.Optional;

/** Where grants are kept, by the hash of their token. Implementations must be thread-safe. */
public interface AccessStore {
    /** The store this feature keeps on the chosen storage: in memory, or in its tables over JDBC. */
    static AccessStore of(community.doorstep.store.Stores stores) {
        return stores.shared(AccessStore.class, () -> stores.memoryOnly()
                ? new MemoryAccessStore()
                : new JdbcAccessStore(stores.database()));
    }

    /** Keeps a grant; its token hash is unique. */
    void save(Grant grant);

    /** The grant whose token has this SHA-256 hash, if any. */
    Optional<Grant> findByHash(String tokenHash);

    /** Revokes every grant of one kind for one subject, e.g. all manage links of a withdrawn event. */
    void revoke(String siteId, Capability capability, String subjectId);
}
