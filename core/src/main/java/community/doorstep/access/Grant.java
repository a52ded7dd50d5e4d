package community.doorstep.access;

import community.doorstep.internal.Validator;

import java.time.Instant;

/**
 * A stored permission behind a secret link. Only the hash of the link's token is kept, never the token.
 *
 * @param tokenHash  SHA-256 of the token, hex
 * @param siteId     the site it is for
 * @param capability what it allows
 * @param subjectId  what it is about: the organisation id, the event id, or the site id for an admin
 * @param createdAt  when it was issued
 */
public record Grant(String tokenHash, String siteId, Capability capability, String subjectId, Instant createdAt) {
    public Grant {
        Validator check = new Validator();
        check.that(tokenHash != null && tokenHash.matches("[0-9a-f]{64}"), "tokenHash", "sha256", "tokenHash must be a SHA-256 hex digest");
        siteId = check.slug("siteId", siteId);
        check.required("capability", capability);
        subjectId = check.text("subjectId", subjectId, 100);
        check.required("createdAt", createdAt);
        check.done();
    }
}
