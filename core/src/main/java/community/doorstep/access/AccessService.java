package community.doorstep.access;

import community.doorstep.ForbiddenException;
import community.doorstep.internal.Digests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secret links instead of accounts. A token is 256 random bits from {@link SecureRandom}, URL-safe; it is shown
 * once and only its SHA-256 is stored, so a leaked database holds no working link. Get it from
 * {@link community.doorstep.Doorstep#access()}.
 */
public final class AccessService {
    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessStore store;
    private final Clock clock;

    /** Wired by {@link community.doorstep.Doorstep}; host applications get the service from there. */
    public AccessService(AccessStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Issues a new secret link token for the subject; the caller shows it once and never logs it. */
    public String issue(String siteId, Capability capability, String subjectId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.save(new Grant(hash(token), siteId, capability, subjectId, clock.instant()));
        return token;
    }

    /** The grant behind a token, if the token is one this site issued for that capability. */
    public Optional<Grant> find(String siteId, Capability capability, String token) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        return store.findByHash(hash)
                // The lookup is by hash; comparing again in constant time keeps timing from saying anything.
                .filter(grant -> MessageDigest.isEqual(grant.tokenHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .filter(grant -> grant.siteId().equals(siteId) && grant.capability() == capability);
    }

    /** The grant behind a token, or a {@link ForbiddenException} that says nothing about why. */
    public Grant require(String siteId, Capability capability, String token) {
        return find(siteId, capability, token)
                .orElseThrow(() -> new ForbiddenException("this link is not valid (it may have been withdrawn)"));
    }

    /** Withdraws every link of one kind for one subject. */
    public void revoke(String siteId, Capability capability, String subjectId) {
        store.revoke(siteId, capability, subjectId);
    }

    static String hash(String token) {
        // tokens are URL-safe base64, so their UTF-8 bytes are their ASCII ones
        return Digests.sha256Hex(token);
    }
}
