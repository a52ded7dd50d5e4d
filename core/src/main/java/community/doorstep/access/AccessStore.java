package community.doorstep.access;

import java.util.Optional;

/** Where grants are kept, by the hash of their token. Implementations must be thread-safe. */
public interface AccessStore {
    void save(Grant grant);

    Optional<Grant> findByHash(String tokenHash);

    /** Revokes every grant of one kind for one subject, e.g. all manage links of a withdrawn event. */
    void revoke(String siteId, Capability capability, String subjectId);
}
