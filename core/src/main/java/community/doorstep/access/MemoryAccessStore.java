package community.doorstep.access;


import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

final class MemoryAccessStore implements AccessStore {
    private final Map<String, Grant> byHash = new ConcurrentHashMap<>();

    @Override
    public void save(Grant grant) {
        byHash.put(grant.tokenHash(), grant);
    }

    @Override
    public Optional<Grant> findByHash(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public void revoke(String siteId, Capability capability, String subjectId) {
        byHash.values().removeIf(grant -> grant.siteId().equals(siteId) && grant.capability() == capability
                && grant.subjectId().equals(subjectId));
    }
}
