package community.doorstep.access;

import community.doorstep.ForbiddenException;
import community.doorstep.internal.Digests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secret links instead of accounts. A token is 130 random bits from {@link SecureRandom}, written as 26 letters and
 * digits of Crockford's base 32: lower case, URL-safe, and without the look-alikes {@code i l o u}, so a link
 * copied by hand from paper still works; reading one, {@code O} counts as {@code 0} and {@code I} or {@code L} as
 * {@code 1}, in either case. It is shown once and only its SHA-256 is stored, so a leaked database holds no working
 * link. Links issued before, as 43 characters of URL-safe base64, keep working. Get it from
 * {@link community.doorstep.Doorstep#access()}.
 */
public final class AccessService {
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int TOKEN_LENGTH = 26;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[0-9a-hjkmnp-tv-z]{" + TOKEN_LENGTH + "}");
    private static final Pattern EARLIER_TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
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
        String token = newToken();
        store.save(new Grant(hash(token), siteId, capability, subjectId, clock.instant()));
        return token;
    }

    /**
     * A fresh random token of the shape every link has, granting nothing: what a form answers a robot with (its
     * honeypot filled), so its page looks no different from a real one.
     */
    public static String newToken() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /** The grant behind a token, if the token is one this site issued for that capability. */
    public Optional<Grant> find(String siteId, Capability capability, String token) {
        String read = read(token);
        if (read == null) {
            return Optional.empty();
        }
        String hash = hash(read);
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

    /** The token as it was issued, forgiving what hand copying changes; {@code null} if it cannot be one. */
    private static String read(String token) {
        if (token == null || EARLIER_TOKEN_SHAPE.matcher(token).matches()) {
            return token;
        }
        String read = token.toLowerCase(Locale.ROOT).replace('o', '0').replace('i', '1').replace('l', '1');
        return TOKEN_SHAPE.matcher(read).matches() ? read : null;
    }

    static String hash(String token) {
        // tokens are ASCII, so their UTF-8 bytes are their ASCII ones
        return Digests.sha256Hex(token);
    }
}
