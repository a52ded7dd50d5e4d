package community.doorstep.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Webhook signatures as the Standard Webhooks specification defines them: HMAC-SHA256 over
 * {@code id.timestamp.body}, keyed with the base64-decoded part of a {@code whsec_} secret, sent as
 * {@code v1,<base64>} in the {@code webhook-signature} header.
 */
final class WebhookSignature {
    static final String SECRET_PREFIX = "whsec_";
    /** How far a signed timestamp may be from now before a receiver treats the request as replayed. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String HMAC = "HmacSHA256";
    private static final int NEW_SECRET_BYTES = 24;
    private static final int MIN_SECRET_BYTES = 24;
    private static final int MAX_SECRET_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} value for one request: {@code v1,} and the base64 HMAC. */
    static String sign(String secret, String msgId, long timestampSeconds, String body) {
        byte[] signed = (msgId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), signed));
    }

    /**
     * Whether any of the space-separated signatures matches, compared in constant time, and the timestamp
     * is within {@link #TOLERANCE} of the clock.
     */
    static boolean verify(String secret, String msgId, long timestampSeconds, String body, String signatures,
                          Clock clock) {
        if (signatures == null) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        long tolerance = TOLERANCE.toSeconds();
        if (timestampSeconds < now - tolerance || timestampSeconds > now + tolerance) {
            return false;
        }
        byte[] expected = sign(secret, msgId, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (String candidate : signatures.strip().split(" +")) {
            // no early exit: every candidate costs the same whether or not an earlier one matched
            matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8));
        }
        return matched;
    }

    /** A new secret: {@code whsec_} and the base64 of 24 random bytes. */
    static String newSecret() {
        byte[] bytes = new byte[NEW_SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether the text is a usable secret: the prefix, then base64 of 24 to 64 bytes. */
    static boolean isSecret(String secret) {
        try {
            int length = key(secret).length;
            return length >= MIN_SECRET_BYTES && length <= MAX_SECRET_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        try {
            return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // not chained: the decoder's message quotes a character of the secret
            throw new IllegalArgumentException("a webhook secret is " + SECRET_PREFIX + " followed by base64");
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
